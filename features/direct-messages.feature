Feature: Direct messages between peers, sealed end to end
  Toom's next step and Compsys 302's way: a message goes from one user's client straight to
  another's over UDP, sealed so that only the recipient can open it and knows who sent it. The
  server is only the directory of where each client listens and of each user's public identity
  key; it never holds a direct message. The recipient's sealed receipt tells the sender it was
  delivered, and each message reaches the recipient once.

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

  Scenario: A user who is offline cannot be sent a direct message
    Given carol logs out
    When alice sends carol the direct message "are you there?"
    Then alice is refused because carol is offline

  Scenario: Nobody learns where a user who blocks them listens
    Given bob blocks alice
    When alice sends bob the direct message "let me in"
    Then alice is refused because bob blocks her
