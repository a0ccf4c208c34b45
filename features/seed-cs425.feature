@embedded @seed
Feature: The CS425 chat server, replayed as its document says
  CS425's server is started as "server.py -host <host_ip> -port <port_number>" and its client as
  "client.py -host <ip_of_server> -port <port_number_of_server>". Users sign up and log in;
  3 failed logins block for 60 seconds; duplicate logins are prohibited; messages sent to a user
  who is offline are shown at the next login. Here chatlab's server runs in the cs425 profile
  with that command line, and each user types at chatlab's terminal client.

  Background:
    Given the server is started with "--profile cs425 -host SERVER_IP -port PORT"

  Scenario: Signing up, a private message kept for a user who is offline, and a duplicate login refused
    When alice runs the client with "--profile cs425 -host SERVER_IP -port SERVER_PORT"
    And alice types "alice"
    And alice types "s3cret-a"
    And alice types "y"
    Then alice sees:
      """
      Username 'alice' does not exist
      Create an account named alice with this password? [y/N] Account alice created. You can log in now.
      Welcome to TOOM!
      Commands: MSG, EDT, DLT, RDM, ATU, UPD, OUT, send, broadcast, multicast, blockcast, whoelse-since, block, unblock, Download_tempID, Beacon, Upload_contact_log. Type 'help' for more.
      """
    When bob runs the client with "--profile cs425 -host SERVER_IP -port SERVER_PORT"
    And bob types "bob"
    And bob types "s3cret-b"
    And bob types "y"
    Then bob sees:
      """
      Username 'bob' does not exist
      Create an account named bob with this password? [y/N] Account bob created. You can log in now.
      Welcome to TOOM!
      Commands: MSG, EDT, DLT, RDM, ATU, UPD, OUT, send, broadcast, multicast, blockcast, whoelse-since, block, unblock, Download_tempID, Beacon, Upload_contact_log. Type 'help' for more.
      """
    When bob types "logout"
    Then bob sees:
      """
      Bye, bob!
      """
    When alice types "send bob are you there?"
    Then alice sees:
      """
      * bob is online (<time>)
      * bob went offline (<time>)
      bob is offline; the message will be delivered at their next login.
      """
    When bob runs the client with "--profile cs425 -host SERVER_IP -port SERVER_PORT"
    And bob types "bob"
    And bob types "s3cret-b"
    Then bob sees:
      """
      Welcome to TOOM!
      You have 1 message from while you were away:
      Commands: MSG, EDT, DLT, RDM, ATU, UPD, OUT, send, broadcast, multicast, blockcast, whoelse-since, block, unblock, Download_tempID, Beacon, Upload_contact_log. Type 'help' for more.
      <time> [private] alice: are you there?
      """
    When carol runs the client with "--profile cs425 -host SERVER_IP -port SERVER_PORT"
    And carol types "bob"
    And carol types "s3cret-b"
    Then carol sees:
      """
      bob is already logged in; log out there first
      """

  Scenario: Three failed logins block for 60 seconds
    When alice runs the client with "-host SERVER_IP -port SERVER_PORT"
    And alice types "alice"
    And alice types "s3cret-a"
    And alice types "y"
    And alice types "logout"
    Then alice sees:
      """
      Username 'alice' does not exist
      Create an account named alice with this password? [y/N] Account alice created. You can log in now.
      Welcome to TOOM!
      Commands: MSG, EDT, DLT, RDM, ATU, UPD, OUT, send, broadcast, multicast, blockcast, whoelse-since, block, unblock, Download_tempID, Beacon, Upload_contact_log. Type 'help' for more.
      Bye, alice!
      """
    When mallory runs the client with "-host SERVER_IP -port SERVER_PORT"
    And mallory types "alice"
    And mallory types "guess1"
    And mallory types "guess2"
    And mallory types "guess3"
    Then mallory sees:
      """
      Invalid Password. Please try again (2 attempts left)
      Invalid Password. Please try again (1 attempt left)
      Invalid Password. Your account has been blocked. Please try again later
      """
