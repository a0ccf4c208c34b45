@embedded @seed
Feature: The CSC573 chat room, replayed as its document says
  CSC573's server is started as "server.py <ip_address> <port_number> <password>" and its clients
  as "client.py <ip_address> <port_number> <password>". The room password comes first; then the
  users chat by broadcast, unicast, multicast and blockcast with its own command names, and a
  user is kicked out by the votes of at least two others. Here chatlab's server runs in the
  csc573 profile with that command line, and each user types at chatlab's terminal client
  started with CSC573's client command line.

  Background:
    Given the server is started with "--profile csc573 SERVER_IP PORT lokipass"

  Scenario: The room password, CSC573's commands, and a kick by two votes
    When loki runs the client with "--profile csc573 SERVER_IP SERVER_PORT lokipass"
    And loki types "loki"
    And loki types "pw-loki"
    And loki types "y"
    Then loki sees:
      """
      Authentication successful:) Welcome to chatroom!!!
      Username 'loki' does not exist
      Create an account named loki with this password? [y/N] Account loki created. You can log in now.
      Welcome to TOOM!
      Commands: MSG, EDT, DLT, RDM, ATU, UPD, OUT, send, broadcast, multicast, blockcast, whoelse-since, block, unblock, Download_tempID, Beacon, Upload_contact_log. Type 'help' for more.
      """
    When unith runs the client with "--profile csc573 SERVER_IP SERVER_PORT lokipass"
    And unith types "unith"
    And unith types "pw-unith"
    And unith types "y"
    Then unith sees:
      """
      Authentication successful:) Welcome to chatroom!!!
      Username 'unith' does not exist
      Create an account named unith with this password? [y/N] Account unith created. You can log in now.
      Welcome to TOOM!
      Commands: MSG, EDT, DLT, RDM, ATU, UPD, OUT, send, broadcast, multicast, blockcast, whoelse-since, block, unblock, Download_tempID, Beacon, Upload_contact_log. Type 'help' for more.
      """
    When aish runs the client with "--profile csc573 SERVER_IP SERVER_PORT lokipass"
    And aish types "aish"
    And aish types "pw-aish"
    And aish types "y"
    Then aish sees:
      """
      Authentication successful:) Welcome to chatroom!!!
      Username 'aish' does not exist
      Create an account named aish with this password? [y/N] Account aish created. You can log in now.
      Welcome to TOOM!
      Commands: MSG, EDT, DLT, RDM, ATU, UPD, OUT, send, broadcast, multicast, blockcast, whoelse-since, block, unblock, Download_tempID, Beacon, Upload_contact_log. Type 'help' for more.
      """
    When aish types "getusers"
    Then aish sees:
      """
      loki, 127.0.0.1, <port>, active since <time>.
      unith, 127.0.0.1, <port>, active since <time>.
      """
    When aish types "mmulticast[loki|unith]Hello both"
    Then aish sees:
      """
      Message sent to 2 users.
      """
    When loki types "kick aish"
    Then loki sees:
      """
      * unith is online (<time>)
      * aish is online (<time>)
      <time> [multicast] aish: Hello both
      Your vote to kick aish is counted: 1 of the 2 votes needed within 5m.
      """
    When unith types "kick[aish]"
    Then aish sees:
      """
      Server: You were kicked out of the room by the votes of loki, unith. You can come back after <time>.
      """
    And aish's client exits with code 3
