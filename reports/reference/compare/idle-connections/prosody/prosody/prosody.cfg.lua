-- Prosody (Debian's package prosody) as the lab starts it: loopback only, on a free port, its files in
-- the run's folder. 36553 and /tmp/cmp-idle7/prosody/prosody are filled in by the lab.
run_as_root = true            -- the lab runs as whoever starts it; Prosody refuses root without this
daemonize = false
pidfile = "/tmp/cmp-idle7/prosody/prosody/prosody.pid"
data_path = "/tmp/cmp-idle7/prosody/prosody/prosody-data"
log = { warn = "*console" }   -- to prosody.log beside this file

interfaces = { "127.0.0.1" }
c2s_interfaces = { "127.0.0.1" }
c2s_ports = { 36553 }
c2s_direct_tls_ports = { }
legacy_ssl_ports = { }
s2s_ports = { }
component_ports = { }
http_ports = { }
https_ports = { }
network_settings = { tcp_backlog = 4096 }  -- connections arriving at once wait rather than being refused (default 128)
certificates = "/tmp/cmp-idle7/prosody/prosody"       -- none: it looks, finds none, and needs none for plain TCP

-- plain TCP on loopback, as the lab drives mosquitto and ngIRCd; passwords kept hashed (SCRAM)
c2s_require_encryption = false
allow_unencrypted_plain_auth = true
authentication = "internal_hashed"

-- accounts made by in-band registration (XEP-0077), unthrottled from loopback
allow_registration = true
registration_whitelist = { "127.0.0.1", "::1" }
min_seconds_between_registrations = 0

-- no stream management: a connection that drops ends its session, and messages for the user go
-- to offline storage (mod_offline) rather than a hibernating session
modules_enabled = { "roster", "saslauth", "disco", "ping", "register", "posix" }
modules_disabled = { "s2s" }

VirtualHost "localhost"

-- rooms: "chatlab" for everyone, "g-GROUP" for each group; open to anyone, no history on joining
Component "conference.localhost" "muc"
  muc_room_locking = false
  restrict_room_creation = false
  muc_room_default_history_length = 0
  max_history_messages = 0
  muc_tombstones = false
