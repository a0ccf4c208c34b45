Feature: File transfer between peers
  Files go from peer to peer over UDP, made reliable with Go-Back-N, to one user, a list,
  everyone, or everyone except a list. The server only says where to send. A file is saved as
  <sender>_<filename> only once it is complete and its SHA-256 matches.

  Background:
    Given alice, bob, carol and dave are logged in with UDP ports

  Scenario: Unicast of a file
    When alice sends a file "notes.txt" of 100000 bytes to bob
    Then bob saves alice's "notes.txt" intact
    And carol saves nothing

  Scenario: Multicast of a file
    When alice sends a file "photo.png" of 300000 bytes to bob and carol
    Then bob saves alice's "photo.png" intact
    And carol saves alice's "photo.png" intact

  Scenario: Broadcast of a file
    When alice sends a file "slides.pdf" of 200000 bytes to everyone
    Then bob saves alice's "slides.pdf" intact
    And carol saves alice's "slides.pdf" intact
    And dave saves alice's "slides.pdf" intact

  Scenario: Blockcast of a file
    When alice sends a file "secret.txt" of 5000 bytes to everyone except carol
    Then bob saves alice's "secret.txt" intact
    And dave saves alice's "secret.txt" intact
    And carol saves nothing

  Scenario: An empty file and a one-byte file
    When alice sends a file "empty.txt" of 0 bytes to bob
    And alice sends a file "one.txt" of 1 bytes to bob
    Then bob saves alice's "empty.txt" intact
    And bob saves alice's "one.txt" intact

  Scenario: A file to an offline user
    Given dave logs out
    When alice sends a file "notes.txt" of 10 bytes to dave
    Then alice is refused because dave is offline
    And alice is told dave is offline
