Feature: Direct messages between peers, sealed end to end, relayed by peers for users who are offline
  Toom's next step and Compsys 302's way: a message goes from one user's client straight to
  another's over UDP, sealed so that only the recipient can open it and knows who sent it. The
  server is only the directory of who is online, where each client listens and of each user's
  public identity key; it never holds a direct message. The recipient's sealed receipt tells the
  sender it was delivered, and each message reaches the recipient once.

  When the recipient is offline, the message, still sealed for the recipient, is handed to other
  online users' clients (relays), which cannot read it. They pass it on when the recipient logs
  in; the recipient's receipt comes back to the sender through them. A relay holds only so much
  from one sender, and only for so long; what no one comes for expires, and its sender is told.

  Background:
    Given alice, bob and carol are logged in with UDP ports and identity keys

  Scenario: A direct message reaches its recipient once, with a receipt
    When alice sends bob the direct message "meet at the library at 3"
    Then alice is told the direct message was delivered
    And bob receives the direct message "meet at the library at 3" from alice once
    And carol receives no direct message

  Scenario: Both ways
    When alice sends bob the direct message "ping"
    And bob sends alice the direct message "pong"
    Then bob receives the direct message "ping" from alice once
    And alice receives the direct message "pong" from bob once

  Scenario: A key that changes is warned about, as chat apps do
    When alice sends bob the direct message "first"
    Then alice is told the direct message was delivered
    When bob's client starts again with a new identity key
    And alice sends bob the direct message "second"
    Then alice is told the direct message was delivered
    And alice is warned that bob's identity key changed
    And bob receives the direct message "second" from alice once

  Scenario: Nobody learns where a user who blocks them listens
    Given bob blocks alice
    When alice sends bob the direct message "let me in"
    Then alice is refused because bob blocks her

  Scenario: A message for a user who is offline is held by relays and reaches her once when she logs in
    Given erin has logged in once with direct messages and logged out
    And dave is logged in with a UDP port and identity key
    When alice sends erin the direct message "the meeting moved to 4"
    Then alice is told the direct message is held for erin by 3 relays
    And bob, carol and dave cannot read "the meeting moved to 4" in what they hold
    When erin logs in with direct messages
    Then erin receives the direct message "the meeting moved to 4" from alice once
    And alice is told the direct message to erin was delivered later
    And bob, carol and dave hold nothing for erin or alice

  Scenario: A second relay's copy is not shown again, even after the recipient's client restarts
    Given erin has logged in once with direct messages and logged out
    And alice hands direct messages to 2 relays
    When alice sends erin the direct message "only once"
    Then alice is told the direct message is held for erin by 2 relays
    When carol logs out with direct messages
    And erin logs in with direct messages
    Then erin receives the direct message "only once" from alice once
    When erin logs out with direct messages
    And carol logs in with direct messages
    And erin logs in with direct messages
    Then carol holds nothing for erin
    And erin receives the direct message "only once" from alice once

  Scenario: A relay refuses more than it holds from one sender, and says why
    Given erin has logged in once with direct messages and logged out
    And carol logs out with direct messages
    And bob holds at most 1 message from one sender
    And alice hands direct messages to 1 relay
    When alice sends erin the direct message "one"
    Then alice is told the direct message is held for erin by 1 relay
    When alice sends erin the direct message "two"
    Then alice is told the direct message was not held, bob refusing with "sender_limit"

  Scenario: A message no one comes for expires, and its sender is told
    Given erin has logged in once with direct messages and logged out
    And alice asks relays to hold direct messages for 1 second
    When alice sends erin the direct message "too late"
    Then alice is told the direct message is held for erin by 2 relays
    And alice is told the direct message to erin expired undelivered
    And bob and carol hold nothing for erin
