Feature: Profiles and statuses
  Compsys 302's profiles and statuses: anyone's profile can be viewed, and only one's own edited;
  an avatar is an image by its content, not its name. A status (online, away, idle, do not
  disturb, offline) is set by its user and seen by others as it changes. Do not disturb holds
  notifications back but still delivers messages; appearing offline hides the user from the
  list of active users.

  Background:
    Given alice, bob and carol have accounts

  Scenario: A profile edit is seen by others
    Given alice and bob are logged in
    When alice sets her display name to "Alice Liddell" and her about text to "follows white rabbits"
    Then bob is told alice changed her profile
    And bob sees that alice's display name is "Alice Liddell" and her about text "follows white rabbits"

  Scenario: An avatar is an image by its content
    Given alice and bob are logged in
    When alice sets a PNG image as her avatar
    Then bob sees alice's avatar as a PNG image
    When alice sets a text file as her avatar
    Then alice is refused because the avatar is not an image

  Scenario: Statuses are seen as they change, and do not disturb still delivers
    Given alice and bob are logged in
    When bob sets his status to "away" with the note "lunch"
    Then alice is told bob is "away"
    And alice sees bob among the active users as "away"
    When bob sets his status to "dnd"
    And alice sends "ping?" to bob
    Then bob receives "ping?" from alice without a notification
    When bob sets his status to "offline"
    Then alice does not see bob among the active users
    When alice sends "still there?" to bob
    Then bob receives "still there?" from alice
