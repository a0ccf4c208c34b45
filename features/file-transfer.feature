@wip
Feature: File transfer between peers
  Waits for issue #3 (peer-to-peer file transfer over UDP with Go-Back-N); excluded from runs
  until it lands.

  Files go from peer to peer over UDP, made reliable with Go-Back-N, to one user, a list,
  everyone, or everyone except a list. A file is saved as <sender>_<filename> only once it is
  complete and its SHA-256 matches.

  Background:
    Given alice, bob, carol and dave are logged in with UDP ports

  Scenario: Unicast of a file
    When alice sends the file "notes.txt" to bob
    Then bob saves "alice_notes.txt" with the same SHA-256
    And bob is told "Received notes.txt from alice"

  Scenario: Multicast of a file
    When alice sends the file "photo.png" to bob and carol
    Then bob and carol each save "alice_photo.png" intact

  Scenario: Broadcast of a file
    When alice sends the file "slides.pdf" to everyone
    Then bob, carol and dave each save "alice_slides.pdf" intact

  Scenario: Blockcast of a file
    When alice sends the file "secret.txt" to everyone except carol
    Then bob and dave each save "alice_secret.txt" intact
    And carol saves nothing

  Scenario: A file to an offline user
    Given dave logs out
    When alice sends the file "notes.txt" to dave
    Then alice is told "dave is offline"
