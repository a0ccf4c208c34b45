Feature: Search
  Compsys 302's future work, searching: a user searches the messages they may see (what they
  sent or got, their groups', the board's) and the user directory by name and profile text,
  best match first. Nobody finds a message they could not have seen.

  Background:
    Given alice, bob and carol have accounts

  Scenario: A user finds old messages they may see, and nothing else
    Given alice, bob and carol are logged in
    When alice sends "the quarterly budget is ready" to bob
    And alice sends "a secret budget for carol" to carol
    And carol posts "budget meeting at noon"
    And alice creates the open group "finance"
    And alice sends "budget draft two" to the group "finance"
    Then bob receives "the quarterly budget is ready" from alice
    And bob's search for "budget" finds "the quarterly budget is ready" and the board's "budget meeting at noon"
    And bob's search for "secret" finds nothing
    And bob's search for "quart*" finds "the quarterly budget is ready"
    When bob joins the group "finance"
    Then bob's search for "draft" finds "budget draft two"
    And carol's search for "secret budget" finds "a secret budget for carol"

  Scenario: The user directory is searched by profile text
    Given alice and carol are logged in
    When carol sets her display name to "Carol C" and her about text to "accountant who loves spreadsheets"
    Then alice's search for users matching "spreadsheet*" finds carol
