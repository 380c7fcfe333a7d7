/**
 * Business calendars and SLA policies (BRIEF §3), plain Java with no dependency beyond the JDK.
 *
 * <p>Everything is pure: instants in, instants out, and the caller supplies the current time, so the command side
 * (due instant at request time) and kpi-streams (SLA clocks on replay) compute the same numbers. Events carry the
 * policy as {@link io.relais.calendar.SlaPolicy#text()} and the calendar as a {@link io.relais.calendar.CalendarSpec}.
 */
package io.relais.calendar;
