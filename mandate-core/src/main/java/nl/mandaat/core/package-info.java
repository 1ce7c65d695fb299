/**
 * The register model and the evaluator: one implementation of DOMAIN.md's rules, used by every
 * service that decides. Pure Java 17: no framework, no I/O.
 *
 * <ul>
 *   <li>Source data: {@link nl.mandaat.core.Register} (bodies, units, positions, persons,
 *       assignments, substitutions, the decision-type catalogue, grants and revocations at a
 *       revision), changed only through {@link nl.mandaat.core.RegisterChange}s.
 *   <li>Validation at the source: {@link nl.mandaat.core.Validator#validate} answers a {@link
 *       nl.mandaat.core.Verdict} with every {@link nl.mandaat.core.Violation}.
 *   <li>Answers: {@link nl.mandaat.core.RegisterSnapshot#of} compiles a register once per revision;
 *       {@link nl.mandaat.core.RegisterSnapshot#evaluate} answers a {@link
 *       nl.mandaat.core.Question} with an {@link nl.mandaat.core.Evaluation}; {@link
 *       nl.mandaat.core.RegisterSnapshot#whoMayDecide} and {@link
 *       nl.mandaat.core.RegisterSnapshot#whatMayDecide} search.
 * </ul>
 *
 * <p>Time: windows are dates in the register's zone, both ends inclusive; moments are instants. At
 * a moment t a grant, assignment or substitution counts only when recorded at or before t, its
 * window contains the date of t, and nothing in its chain was revoked at or before t (rule 23).
 *
 * <p>Every type here is immutable and thread-safe unless it is a builder. Parameters are non-null
 * unless documented otherwise.
 */
package nl.mandaat.core;
