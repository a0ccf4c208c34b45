Feature: Locking out repeated wrong passwords
  After N consecutive wrong passwords an account is blocked for a while, from every address.
  While it is blocked even the right password is refused; a success resets the count.

  @embedded
  Scenario Outline: <n> consecutive failures block the account
    Given the server blocks an account for 10 seconds after <n> failed logins
    And alice has an account with password "right"
    When alice fails to log in <n> times
    Then alice is refused because the account has just been blocked
    And alice is told "Invalid Password. Your account has been blocked. Please try again later"
    And alice cannot log in with password "right" while the block lasts

    Examples:
      | n |
      | 1 |
      | 2 |
      | 3 |
      | 4 |
      | 5 |

  Scenario: Each failure before the last says how many attempts are left
    Given alice has an account with password "right"
    When alice fails to log in once
    Then alice is refused because the password is wrong
    And alice has one attempt fewer left than the server allows

  Scenario: The block holds from another address
    Given alice has an account with password "right"
    When alice fails to log in as many times as the server allows
    Then alice cannot log in with password "right" from another address either

  @embedded
  Scenario: The block lifts after the block duration
    Given the server blocks an account for 10 seconds after 3 failed logins
    And alice has an account with password "right"
    When alice fails to log in 3 times
    And 9 seconds pass
    Then alice cannot log in with password "right" while the block lasts
    And alice is told to retry in 1 second
    When 1 more second passes
    Then alice can log in with password "right"

  Scenario: A success resets the count
    Given alice has an account with password "right"
    When alice fails to log in one time fewer than the server allows
    And alice logs in with password "right"
    And alice logs out
    And alice fails to log in one time fewer than the server allows
    Then alice can log in with password "right"

  Scenario: Concurrent attempts are counted exactly
    Given alice has an account with password "right"
    When 50 clients try a wrong password for alice at the same moment
    Then exactly the allowed number of them count before the account is blocked
