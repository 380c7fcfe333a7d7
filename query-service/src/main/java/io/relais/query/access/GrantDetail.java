package io.relais.query.access;

import java.util.List;

/** A grant and every event applied to it, in its sequence order. */
public record GrantDetail(GrantView grant, List<HistoryEntry> history) {
}
