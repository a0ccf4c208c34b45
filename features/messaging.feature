Feature: Messaging
  A user sends a message to one user (unicast), to a list (multicast), to everyone
  (broadcast) or to everyone except a list (blockcast). Each sender's messages arrive in
  order; a user who is offline gets them at the next login; a blocked user never gets through.

  Background:
    Given alice, bob, carol and dave have accounts

  Scenario: Unicast reaches its one recipient
    Given alice, bob and carol are logged in
    When alice sends "hi bob" to bob
    Then bob receives "hi bob" from alice
    And carol receives nothing from alice

  Scenario: Multicast reaches everyone on the list
    Given alice, bob and carol are logged in
    When alice sends "hi both" to bob and carol
    Then bob receives "hi both" from alice
    And carol receives "hi both" from alice

  Scenario: Broadcast reaches everyone, online now or later
    Given alice, bob and carol are logged in
    When alice broadcasts "hello all"
    Then bob receives "hello all" from alice
    And carol receives "hello all" from alice
    When dave logs in
    Then dave receives "hello all" from alice

  Scenario: Blockcast leaves out the listed users
    Given alice, bob and carol are logged in
    When alice sends "not for carol" to everyone except carol
    Then bob receives "not for carol" from alice
    And carol receives nothing from alice

  Scenario: Each sender's order is kept
    Given alice, bob and carol are logged in
    When alice and bob each send 50 numbered messages to carol at the same time
    Then carol receives alice's 50 messages once each, in order
    And carol receives bob's 50 messages once each, in order

  Scenario: A message to an offline user waits for the next login
    Given alice is logged in
    When alice sends "while you were out" to bob
    Then alice is told bob is offline
    When alice sends "and another thing" to bob
    And bob logs in
    Then bob is told 2 messages are waiting
    And bob receives "while you were out" and then "and another thing" from alice

  Scenario: A blocked user's messages never reach the blocker
    Given alice and bob are logged in
    When bob blocks alice
    And alice sends "let me in" to bob
    Then alice is refused because bob blocks her
    And alice is told "Your message could not be delivered as the recipient has blocked you"
    And bob receives nothing from alice
    When bob unblocks alice
    And alice sends "friends again" to bob
    Then bob receives "friends again" from alice

  Scenario: A broadcast skips those who block the sender, and says so
    Given alice, bob and carol are logged in
    When carol blocks alice
    And alice broadcasts "anyone there?"
    Then bob receives "anyone there?" from alice
    And carol receives nothing from alice
    And alice is told carol blocks her
