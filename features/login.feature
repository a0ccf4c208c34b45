Feature: Logging in
  Users sign up, log in with their password and log out. The server tells an unknown user
  from a wrong password, and lets each user have one session at a time.

  Background:
    Given alice has an account with password "wise@!man"

  Scenario: Signing up and logging in
    When bob signs up with password "falcon*solo"
    Then bob can log in with password "falcon*solo"

  Scenario: A phone number is a username
    When +61410666666 signs up with password "kara1234"
    Then +61410666666 can log in with password "kara1234"

  Scenario: Signing up with a name that is taken
    When alice signs up again
    Then alice is refused because the username is taken

  Scenario: Logging in with the right password
    When alice logs in with password "wise@!man"
    Then alice is welcomed with "Welcome to TOOM!"

  Scenario: Logging in with the wrong password
    When alice logs in with password "not her password"
    Then alice is refused because the password is wrong
    And alice is told "Invalid Password. Please try again"

  Scenario: Logging in as somebody unknown
    When carol logs in with password "anything"
    Then carol is refused because the user is unknown

  Scenario: A second session of the same user is refused
    Given alice is logged in
    When alice logs in again from another client
    Then alice is refused because the user is logged in elsewhere

  Scenario: Logging out
    Given alice is logged in
    And bob is logged in
    When alice logs out
    Then alice is told goodbye
    And bob does not see alice among the active users

  Scenario: Commands need a login
    Given dave is connected but not logged in
    When dave posts "hello?"
    Then dave is refused because dave is not logged in
