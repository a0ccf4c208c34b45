@wip
Feature: Contact tracing
  Waits for issue #4 (contact tracing: temporary IDs, UDP beacons, contact-log upload and
  tracing); excluded from runs until it lands.

  Users are phone numbers. Each downloads a temporary ID, phones beacon each other over UDP,
  and a user who tests positive uploads the contact log so the server can name the contacts.

  Background:
    Given +61410666666, +61410777777 and +61410888888 have accounts and are logged in

  Scenario: Downloading a temporary ID
    When +61410666666 downloads a temporary ID
    Then the ID has 20 digits and is valid for 15 minutes

  Scenario: A valid beacon is logged
    Given +61410666666 and +61410777777 have temporary IDs
    When +61410666666 beacons +61410777777
    Then +61410777777 reports a valid beacon
    And +61410777777's contact log holds +61410666666's temporary ID

  Scenario: A beacon replayed after its window is invalid
    Given +61410666666 has a temporary ID
    When 15 minutes pass
    And +61410666666's old beacon reaches +61410777777
    Then +61410777777 reports an invalid beacon
    And +61410777777's contact log is empty

  Scenario: Contact log entries expire after 3 minutes
    Given +61410777777 has logged a beacon from +61410666666
    When 3 minutes pass
    Then +61410777777's contact log is empty

  Scenario: Uploading the contact log names the contacts
    Given +61410777777 and +61410888888 have beaconed +61410666666
    When +61410666666 uploads the contact log
    Then the server names exactly +61410777777 and +61410888888 as contacts, with their times

  Scenario: A repeated upload does not duplicate contacts
    Given +61410777777 has beaconed +61410666666
    When +61410666666 uploads the contact log twice
    Then the server names +61410777777 once
