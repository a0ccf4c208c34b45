Feature: The CSC573 chat room: its password, and kicking a user out by vote
  A server started with a room password takes no signup or login on a connection until the
  password was given there; wrong ones are counted per address, like failed logins. Any user in
  the room may vote to kick another out: the votes of enough distinct other users (two, as in
  CSC573) remove that user, who is told why and may not come back until the ban ends.

  @embedded
  Scenario: No login before the room password
    Given the room's password is "lokipass"
    And alice has an account
    And alice connects without giving the room password
    When alice logs in
    Then alice is refused because the room password is required
    When alice gives the room password "lokipass"
    Then alice is told "Authentication successful:) Welcome to chatroom!!!"
    When alice logs in
    Then alice is welcomed with "Welcome to TOOM!"

  @embedded
  Scenario: Wrong room passwords are refused, and repeated ones block the address for a while
    Given the room's password is "lokipass"
    And the server blocks an account for 10 seconds after 3 failed logins
    And alice connects without giving the room password
    When alice gives the room password "guess"
    Then alice is refused because the room password is wrong
    When alice gives the room password "guess" 2 more times
    Then alice is refused because her address is blocked from the room
    When alice gives the room password "lokipass"
    Then alice is refused because her address is blocked from the room
    When 10 seconds pass
    And alice gives the room password "lokipass"
    Then alice is told "Authentication successful:) Welcome to chatroom!!!"

  Scenario: One vote is not enough
    Given alice, bob and carol are logged in
    When alice votes to kick carol
    Then alice's vote counts 1 of the votes needed
    And carol is still in the room
    And bob sees carol among the active users

  Scenario: Two distinct votes remove the user, who is told why, and everyone sees it
    Given alice, bob and carol are logged in
    When alice votes to kick carol
    And bob votes to kick carol
    Then carol is kicked out by the votes of alice and bob
    And alice and bob see that carol was kicked out
    And alice does not see carol among the active users

  Scenario: The same voter twice counts once
    Given alice, bob and carol are logged in
    When alice votes to kick carol
    And alice votes to kick carol
    Then alice's vote counts 1 of the votes needed
    And carol is still in the room

  Scenario: Nobody votes to kick themselves, or someone who is not there
    Given alice is logged in
    And bob has an account
    When alice votes to kick alice
    Then alice is refused because nobody may vote against themselves
    When alice votes to kick bob
    Then alice is refused because bob is offline

  @embedded
  Scenario: The removed user cannot come back until the ban ends
    Given the server bans a kicked user for 10 minutes
    And alice, bob and carol are logged in
    When alice votes to kick carol
    And bob votes to kick carol
    Then carol is kicked out by the votes of alice and bob
    When carol logs in again from another client
    Then carol is refused because she is banned
    When 9 minutes pass
    And carol logs in again from another client
    Then carol is refused because she is banned
    When 1 more minute passes
    Then carol can log in with password "pw-carol"
