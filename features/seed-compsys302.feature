@embedded @seed
Feature: The Compsys 302 login server, replayed as its document says
  Compsys 302's users sign in to a login server that tracks who is online and where they can be
  reached; their client apps then talk to each other peer to peer. Here chatlab's server runs in
  the compsys302 profile, and each user signs in from chatlab's terminal client with the UDP port
  where peers reach it. (Its browser client is a piece of work of its own.)

  Background:
    Given the server is started with "--profile compsys302 --port PORT"

  Scenario: The login server says who is online and where to reach them
    When hammond runs the client with "-H SERVER_IP -p SERVER_PORT -u UDP_PORT"
    And hammond types "hammond"
    And hammond types "pw-hammond"
    And hammond types "y"
    Then hammond sees:
      """
      Username 'hammond' does not exist
      Create an account named hammond with this password? [y/N] Account hammond created. You can log in now.
      Welcome to TOOM!
      Commands: MSG, EDT, DLT, RDM, ATU, UPD, OUT, send, broadcast, multicast, blockcast, whoelse-since, block, unblock, Download_tempID, Beacon, Upload_contact_log. Type 'help' for more.
      """
    When andrew runs the client with "-H SERVER_IP -p SERVER_PORT -u UDP_PORT"
    And andrew types "andrew"
    And andrew types "pw-andrew"
    And andrew types "y"
    And andrew types "who"
    Then andrew sees:
      """
      Username 'andrew' does not exist
      Create an account named andrew with this password? [y/N] Account andrew created. You can log in now.
      Welcome to TOOM!
      Commands: MSG, EDT, DLT, RDM, ATU, UPD, OUT, send, broadcast, multicast, blockcast, whoelse-since, block, unblock, Download_tempID, Beacon, Upload_contact_log. Type 'help' for more.
      hammond, 127.0.0.1, <udp of hammond>, active since <time>.
      """
    And hammond sees:
      """
      * andrew is online (<time>)
      """
    When andrew types "logout"
    Then hammond sees:
      """
      * andrew went offline (<time>)
      """
