Feature: The message board
  Toom's board: numbered, timestamped messages that only their poster may edit or delete,
  naming the number and the timestamp. Deleting renumbers the messages after it.

  Background:
    Given Yoda and Obi-wan are logged in

  Scenario: Posting gives each message the next number
    When Yoda posts "do or do not"
    Then Yoda is told the message was posted with its number and time
    When Obi-wan posts "these are not the droids"
    Then "these are not the droids" is numbered one after "do or do not"
    And the board shows "do or do not" by Yoda, not edited

  Scenario: Editing your own message
    Given Yoda has posted "do or do not"
    When Yoda edits "do or do not" to "do or do not, there is no try"
    Then the board shows "do or do not, there is no try" by Yoda, edited

  Scenario: Editing another's message is refused
    Given Yoda has posted "mine"
    When Obi-wan edits "mine" to "ours"
    Then Obi-wan is refused because the message is not theirs
    And the board shows "mine" by Yoda, not edited

  Scenario: Editing with the wrong timestamp is refused
    Given Yoda has posted "mine"
    When Yoda edits "mine" naming the timestamp "01 Jan 2020 00:00:00"
    Then Yoda is refused because the timestamp does not match

  Scenario: Deleting renumbers the messages after it
    Given Yoda has posted "one"
    And Obi-wan has posted "two"
    And Yoda has posted "three"
    When Obi-wan deletes "two"
    Then "three" is numbered one after "one"
    And the board does not show "two"

  Scenario: Deleting another's message is refused
    Given Yoda has posted "mine"
    When Obi-wan deletes "mine"
    Then Obi-wan is refused because the message is not theirs
    And the board shows "mine" by Yoda, not edited

  Scenario: Reading the messages since a time
    Given Yoda has posted "old news"
    And a second passes
    And Obi-wan has posted "fresh news"
    When Yoda reads the board since "old news" was posted
    Then Yoda reads "fresh news" but not "old news"

  Scenario: Nothing new since the latest message
    Given Yoda has posted "the latest"
    When Yoda reads the board since "the latest" was posted
    Then Yoda is told "no new message"
