@embedded @seed
Feature: BlueTrace, replayed as its document says
  BlueTrace (COMP3331 20T2) is started as "server server_port block_duration" in a folder holding
  credentials.txt, where it keeps tempIDs.txt; its clients as "client server_IP server_port
  client_udp_port". Users are phone numbers. Here chatlab's server runs in the bluetrace profile
  with that command line, and each user types at chatlab's terminal client started with
  BlueTrace's client command line. <time> stands for a time such as 23/02/2021 15:00:01, <tempID>
  for 20 digits.

  Background:
    Given a folder whose credentials.txt holds:
      """
      +61410666666 kara1234
      +61410777777 jade5678
      """
    And the server is started there with "--profile bluetrace PORT 60"

  Scenario: Three wrong passwords block the phone for block_duration
    When +61410666666 runs the client with "SERVER_IP SERVER_PORT UDP_PORT"
    And +61410666666 types "+61410666666"
    And +61410666666 types "guess1"
    And +61410666666 types "guess2"
    And +61410666666 types "guess3"
    Then +61410666666 sees:
      """
      Invalid Password. Please try again
      Invalid Password. Please try again
      Invalid Password. Your account has been blocked. Please try again later
      """
    And +61410666666's client exits with code 1

  Scenario: A tempID, a beacon between two phones, and the contact log traced by the server
    When +61410666666 runs the client with "SERVER_IP SERVER_PORT UDP_PORT"
    And +61410666666 types "+61410666666"
    And +61410666666 types "kara1234"
    Then +61410666666 sees:
      """
      Welcome to the BlueTrace Simulator!
      """
    When +61410777777 runs the client with "SERVER_IP SERVER_PORT UDP_PORT"
    And +61410777777 types "+61410777777"
    And +61410777777 types "jade5678"
    Then +61410777777 sees:
      """
      Welcome to the BlueTrace Simulator!
      """
    When +61410777777 types "Download_tempID"
    Then +61410777777 sees:
      """
      TempID: <tempID>
      Valid from <time> to <time>.
      """
    And the server's tempIDs.txt holds:
      """
      +61410777777 <tempID> <time> <time>
      """
    When +61410777777 types "Beacon 127.0.0.1 <udp of +61410666666>"
    Then +61410777777 sees:
      """
      <tempID>, <time>, <time>.
      Beacon sent to 127.0.0.1:<port>.
      """
    And +61410666666 sees:
      """
      received beacon: <tempID>, <time>, <time>.
      Current time is: <time>.
      The beacon is valid.
      """
    When +61410666666 types "Upload_contact_log"
    Then +61410666666 sees:
      """
      <tempID>,
      <time>,
      <time>;
      Contact log checked: 1 contact traced.
      +61410777777, <time>, <tempID>;
      """
    And the server printed "received contact log from +61410666666"
    And the server printed "Contact log checking"
    And the server printed "+61410777777, <time>, <tempID>;"
    When +61410666666 types "Download_tempid now"
    Then +61410666666 sees:
      """
      Error. Usage: Download_tempID
      """
    When +61410666666 types "Beacons"
    Then +61410666666 sees:
      """
      Error. Invalid command
      """
