@embedded @seed
Feature: Toom, replayed as its document says
  Toom (COMP3331 21T1) is started as "server.py server_port number_of_consecutive_failed_attempts"
  in a folder holding credentials.txt, and its clients as "client.py server_IP server_port
  client_udp_server_port". Here chatlab's server runs in the toom profile with that same command
  line, and each user types at chatlab's terminal client started with Toom's client command line.
  What a user sees is compared line by line with Toom's texts; <time> stands for a timestamp
  such as 23 Feb 2021 15:00:01, <port> for a port number.

  Background:
    Given a folder whose credentials.txt holds:
      """
      Yoda wise@!man
      Obi-wan jedi*knight
      """
    And the server is started there with "--profile toom PORT 3"

  Scenario: A wrong password, then the right one
    When Yoda runs the client with "SERVER_IP SERVER_PORT UDP_PORT"
    And Yoda types "Yoda"
    And Yoda types "wrong"
    And Yoda types "wise@!man"
    Then Yoda sees:
      """
      Invalid Password. Please try again
      Welcome to TOOM!
      """
    When Yoda types "OUT"
    Then Yoda sees:
      """
      Bye, Yoda!
      """
    And Yoda's client exits with code 0

  Scenario: Three wrong passwords block the account, even from another client
    When Obi-wan runs the client with "SERVER_IP SERVER_PORT UDP_PORT"
    And Obi-wan types "Obi-wan"
    And Obi-wan types "guess1"
    And Obi-wan types "guess2"
    And Obi-wan types "guess3"
    Then Obi-wan sees:
      """
      Invalid Password. Please try again
      Invalid Password. Please try again
      Invalid Password. Your account has been blocked. Please try again later
      """
    And Obi-wan's client exits with code 1
    When Yoda runs the client with "SERVER_IP SERVER_PORT UDP_PORT"
    And Yoda types "Obi-wan"
    And Yoda types "jedi*knight"
    Then Yoda sees:
      """
      Your account is blocked due to multiple login failures. Please try again later
      """

  Scenario: The message board, with the log files kept in step
    When Yoda runs the client with "SERVER_IP SERVER_PORT UDP_PORT"
    And Yoda types "Yoda"
    And Yoda types "wise@!man"
    Then Yoda sees:
      """
      Welcome to TOOM!
      """
    When Obi-wan runs the client with "SERVER_IP SERVER_PORT UDP_PORT"
    And Obi-wan types "Obi-wan"
    And Obi-wan types "jedi*knight"
    Then Obi-wan sees:
      """
      Welcome to TOOM!
      """
    When Yoda types "MSG do or do not"
    Then Yoda sees:
      """
      Message #1 posted at <time>.
      """
    When Obi-wan types "MSG Computer Network Rocks"
    Then Obi-wan sees:
      """
      Message #2 posted at <time>.
      """
    When Obi-wan types "RDM 01 Jan 2021 00:00:00"
    Then Obi-wan sees:
      """
      #1, Yoda: do or do not, posted at <time>.
      #2, Obi-wan: Computer Network Rocks, posted at <time>.
      """
    And the server's messagelog.txt holds:
      """
      1; <time>; Yoda; do or do not; no
      2; <time>; Obi-wan; Computer Network Rocks; no
      """
    And the server's userlog.txt holds:
      """
      1; <time>; Yoda; 127.0.0.1; <port>
      2; <time>; Obi-wan; 127.0.0.1; <port>
      """
    When Yoda types "ATU"
    Then Yoda sees:
      """
      Obi-wan, 127.0.0.1, <port>, active since <time>.
      """
    When Yoda types "RDM 01 Jan 2030 00:00:00"
    Then Yoda sees:
      """
      no new message
      """
    When Yoda types "XYZ"
    Then Yoda sees:
      """
      Error. Invalid command!
      """
    When Obi-wan types "OUT"
    Then Obi-wan sees:
      """
      Bye, Obi-wan!
      """
    And the server's userlog.txt holds:
      """
      1; <time>; Yoda; 127.0.0.1; <port>
      """
    When Yoda types "ATU"
    Then Yoda sees:
      """
      no other active user
      """
    When Yoda types "UPD Obi-wan <folder>/credentials.txt"
    Then Yoda sees:
      """
      Obi-wan is offline
      """
