/** The register model and the evaluator. */
package nl.mandaat.core;
