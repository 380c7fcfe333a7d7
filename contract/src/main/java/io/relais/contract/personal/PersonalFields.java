package io.relais.contract.personal;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link Personal} components of event records, found by reflection, and a way to rewrite them (to seal them
 * before they are stored). Nested records and lists of records are followed ({@code TaskCompleted.checklist[].note}).
 */
public final class PersonalFields {

    /** Rewrites one personal value; {@code field} is the component (JSON property) name. */
    @FunctionalInterface
    public interface Rewrite {
        String apply(String field, String value);
    }

    /** Every personal field of a record type, as paths: {@code title}, {@code checklist[].note}. */
    public static List<String> of(Class<?> type) {
        List<String> paths = new ArrayList<>();
        collect(type, "", paths);
        return paths;
    }

    public static boolean any(Class<?> type) {
        return !of(type).isEmpty();
    }

    /** A copy of {@code event} whose personal fields went through {@code rewrite}; the same instance when it has none. */
    @SuppressWarnings("unchecked")
    public static <T> T rewrite(T event, Rewrite rewrite) {
        if (event == null || !any(event.getClass())) {
            return event;
        }
        return (T) rewriteRecord(event, rewrite);
    }

    private static void collect(Class<?> type, String prefix, List<String> paths) {
        if (!type.isRecord()) {
            return;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            if (component.isAnnotationPresent(Personal.class)) {
                if (component.getType() != String.class) {
                    throw new IllegalStateException("@Personal only marks text: " + type.getName() + "."
                            + component.getName());
                }
                paths.add(prefix + component.getName());
            } else if (component.getType().isRecord()) {
                collect(component.getType(), prefix + component.getName() + ".", paths);
            } else if (List.class.isAssignableFrom(component.getType())) {
                elementType(component).ifPresent(element -> collect(element, prefix + component.getName() + "[].", paths));
            }
        }
    }

    private static java.util.Optional<Class<?>> elementType(RecordComponent component) {
        Type generic = component.getGenericType();
        if (generic instanceof ParameterizedType parameterized
                && parameterized.getActualTypeArguments()[0] instanceof Class<?> element && element.isRecord()) {
            return java.util.Optional.of(element);
        }
        return java.util.Optional.empty();
    }

    private static Object rewriteRecord(Object record, Rewrite rewrite) {
        Class<?> type = record.getClass();
        RecordComponent[] components = type.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                RecordComponent component = components[i];
                types[i] = component.getType();
                Object value = component.getAccessor().invoke(record);
                if (component.isAnnotationPresent(Personal.class)) {
                    value = value == null ? null : rewrite.apply(component.getName(), (String) value);
                } else if (value != null && component.getType().isRecord() && any(component.getType())) {
                    value = rewriteRecord(value, rewrite);
                } else if (value instanceof List<?> list && elementType(component).filter(PersonalFields::any).isPresent()) {
                    List<Object> copy = new ArrayList<>(list.size());
                    list.forEach(element -> copy.add(element == null ? null : rewriteRecord(element, rewrite)));
                    value = copy;
                }
                values[i] = value;
            }
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("Cannot rewrite the personal fields of " + type.getName(), e);
        }
    }

    private PersonalFields() {
    }
}
