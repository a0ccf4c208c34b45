@toxiproxy
Feature: Faults on the network
  Clients reach the server through a real Toxiproxy that delays, slices, throttles, cuts and
  drops their connections. Whatever happens, no message the server acknowledged is lost or
  duplicated, and the client says clearly what went wrong.

  Background:
    Given alice and bob have accounts

  Scenario: 500 ms of latency slows the login but it succeeds
    Given alice connects through a proxy that adds 500 ms of latency
    When alice logs in
    Then alice is welcomed with "Welcome to TOOM!"
    And alice's login took at least 500 ms

  Scenario: A stream that arrives one byte at a time still parses
    Given alice connects through a proxy that slices the stream into 1-byte pieces
    And bob is logged in
    When alice logs in
    And alice posts "sliced, but whole"
    And alice sends "byte by byte" to bob
    Then bob receives "byte by byte" from alice
    And the board shows "sliced, but whole" by alice, not edited
    And alice sees bob among the active users

  Scenario: A slow link is slow but loses nothing
    Given alice connects through a proxy limited to 8 KB/s
    And alice and bob are logged in
    When alice sends a message of 4000 characters to bob
    Then bob receives that message intact
    And alice's send took at least 400 ms

  Scenario Outline: A sender cut off mid-session loses no acknowledged message
    Given alice connects through a proxy
    And alice and bob are logged in
    When alice sends 20 numbered messages to bob
    And the proxy <cuts> alice's connection
    And alice keeps trying to send numbered messages to bob
    Then alice is told the connection was lost
    When the proxy is healed
    And alice reconnects
    And alice sends 20 more numbered messages to bob
    Then bob receives every message alice had acknowledged, once each, in order

    Examples:
      | cuts      |
      | resets    |
      | times out |

  Scenario Outline: A receiver cut off mid-stream gets every message once
    Given bob connects through a proxy
    And alice and bob are logged in
    When alice sends 100 numbered messages to bob without waiting
    And the proxy <cuts> bob's connection once bob has received some
    And alice keeps sending numbered messages to bob until bob is cut off
    Then bob is told the connection was lost
    When the proxy is healed
    And bob reconnects
    Then bob receives every message alice had acknowledged, once each, in order

    Examples:
      | cuts      |
      | resets    |
      | times out |

  Scenario: A client whose connection went dead without a word takes its own session over at once
    Given alice connects through a proxy
    And alice and bob are logged in
    When the proxy black-holes alice's connection
    And alice moves to another network and logs in again as the same client
    Then alice took over her old session
    When bob sends "are you back?" to alice
    Then alice receives "are you back?" from bob
    And bob sees alice among the active users

  Scenario: A server behind a proxy that is down is unreachable
    Given alice connects through a proxy
    When the proxy goes down
    Then alice cannot connect, and is told the server is unreachable

  Scenario: A contact-log upload cut off by a lost connection is retried without duplicates
    Given alice connects through a proxy
    And alice and bob are logged in with UDP ports
    And bob has beaconed alice with 450 different temporary IDs
    When alice uploads the first 200 entries of the contact log
    And the proxy resets alice's connection
    And alice tries to upload the contact log
    Then alice is told the connection was lost
    When the proxy is healed
    And alice reconnects
    And alice uploads the contact log
    Then the server names bob for all 450 IDs, once each
