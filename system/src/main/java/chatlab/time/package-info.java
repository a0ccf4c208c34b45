/**
 * Time for the system. Every component takes a {@link java.time.InstantSource}: the system clock
 * in production, a {@link chatlab.time.ManualClock} in tests, so no test has to sleep.
 */
package chatlab.time;
