package io.relais.query.task;

import java.util.List;

/** A page of the board and where the next one starts (null on the last page). */
record BoardPage<T>(List<T> items, BoardCursor next) {
}
