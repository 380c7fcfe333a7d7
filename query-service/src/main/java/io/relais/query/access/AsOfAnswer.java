package io.relais.query.access;

import java.time.Instant;
import java.util.List;

/**
 * Who could access what at an instant: the grants active at {@code at}, rebuilt by folding the access events that
 * took effect up to it (see {@link AccessFold} for the edge semantics).
 *
 * @param principal     the principal asked about, null when the question was about a resource
 * @param resource      the resource asked about, null when the question was about a principal
 * @param eventsFolded  how many recorded access events the answer was folded from
 */
public record AsOfAnswer(Instant at, String principal, String resource, int eventsFolded, List<GrantView> grants) {
}
