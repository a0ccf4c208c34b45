Feature: Contact tracing
  BlueTrace: users are phone numbers. Each downloads a temporary ID from the server, phones
  beacon each other over UDP, and a user who tests positive uploads the contact log so that
  the server can name the contacts. Scenarios that move the clock need the embedded server.

  Background:
    Given +61410666666, +61410777777 and +61410888888 are logged in with UDP ports

  Scenario: Downloading a temporary ID
    When +61410666666 downloads a temporary ID
    Then +61410666666's temporary ID has 20 digits and is valid for 15 minutes

  Scenario: A valid beacon is logged
    Given +61410666666 and +61410777777 have temporary IDs
    When +61410666666 beacons +61410777777
    Then +61410777777 reports a valid beacon
    And +61410777777's contact log holds +61410666666's temporary ID

  @embedded
  Scenario: A beacon replayed after its window is invalid
    Given +61410666666 has a temporary ID
    When 15 minutes pass
    And +61410666666's old beacon reaches +61410777777
    Then +61410777777 reports an invalid beacon
    And +61410777777's contact log is empty

  @embedded
  Scenario: Contact log entries expire after 3 minutes
    Given +61410777777 has logged a beacon from +61410666666
    When 2 minutes pass
    Then +61410777777's contact log holds +61410666666's temporary ID
    When 1 more minute passes
    Then +61410777777's contact log is empty

  Scenario Outline: A datagram that is not a beacon is rejected with a reason
    When <datagram> reaches +61410777777
    Then +61410777777 rejects it as <reason>
    And +61410777777's contact log is empty

    Examples:
      | datagram                                     | reason    |
      | a datagram of 10 bytes                       | truncated |
      | a datagram of 80 bytes                       | oversized |
      | +61410666666's beacon marked version 2       | version 2 |
      | +61410666666's beacon with letters in the ID | malformed |

  Scenario: Uploading the contact log names the contacts
    Given +61410777777 and +61410888888 have beaconed +61410666666
    When +61410666666 uploads the contact log
    Then the server names exactly +61410777777 and +61410888888 as contacts, with their times

  Scenario: A repeated upload does not duplicate contacts
    Given +61410777777 has beaconed +61410666666
    When +61410666666 uploads the contact log twice
    Then the server names +61410777777 once

  Scenario: An ID the server never issued is reported as unmatched
    Given +61410777777 has logged a beacon with an ID the server never issued
    When +61410777777 uploads the contact log
    Then the server names no contacts
    And the server reports the ID as unmatched, because it is unknown
