/**
 * Seed and generated registers: the demo municipality every service and test starts from, and large
 * generated registers for property tests and benchmarks.
 */
package nl.mandaat.core.demo;
