Feature: Named groups
  Compsys 302's group messaging: a user makes a group and is its first member; anyone may join
  an open group, and only those invited may join any other. A group's messages keep the promise
  every chat message keeps: each member but the sender gets it once, in the sender's order, and
  a member who is offline gets it at the next login. Members read the group's history, even
  what came before they joined.

  Background:
    Given alice, bob, carol and dave have accounts

  Scenario: A closed group takes only those invited, and its messages reach every member once
    Given alice, bob and carol are logged in
    When alice creates the group "team"
    And bob joins the group "team"
    Then bob is refused because the group takes members by invitation only
    When alice invites bob to the group "team"
    Then bob is told alice invited him to the group "team"
    When bob joins the group "team"
    Then alice is told bob joined the group "team"
    When alice invites dave to the group "team"
    And dave logs in
    And dave joins the group "team"
    And dave logs out
    And alice sends "standup at 10" to the group "team"
    Then bob receives "standup at 10" from alice in the group "team"
    And carol receives nothing from alice
    When dave logs in
    Then dave receives "standup at 10" from alice in the group "team"
    And the members of the group "team" are alice, bob and dave

  Scenario: An open group: anyone joins, only members write, and a late member reads its history
    Given alice, bob and carol are logged in
    When alice creates the open group "lobby"
    And alice sends "welcome to the lobby" to the group "lobby"
    And bob sends "may I?" to the group "lobby"
    Then bob is refused because he is not a member of the group
    When bob joins the group "lobby"
    Then bob reads "welcome to the lobby" in the history of the group "lobby"
    When bob sends "thanks!" to the group "lobby"
    Then alice receives "thanks!" from bob in the group "lobby"
    When bob leaves the group "lobby"
    Then alice is told bob left the group "lobby"
    When carol creates the open group "lobby"
    Then carol is refused because the group exists
