package io.relais.kpi.rolling;

/**
 * The weights of the health score of each company phase (seed 000: in growth, reactivity and the capacity to absorb
 * the load come first; in transformation or sale, reliability, formalisation and secure hand-offs). Each criterion
 * is a share in [0, 1] over the window (see {@link RollingKpis#criteria}); the score is
 * {@code 100 × Σ wᵢ·cᵢ ÷ Σ wᵢ} over the criteria that have data in the window (a criterion without data, e.g. no
 * approval yet, neither helps nor hurts). Weights are relative: they need not sum to 1.
 */
public record HealthWeights(Phase growth, Phase transformation, Phase sale) {

    /** Reactivity 0.4, absorption 0.4, satisfaction 0.2. */
    public static final Phase GROWTH_DEFAULTS = new Phase(0.4, 0.4, 0.0, 0.0, 0.0, 0.2);
    /** Reliability 0.35, formalisation 0.35, secure hand-offs 0.2, reactivity 0.1. */
    public static final Phase TRANSFORMATION_DEFAULTS = new Phase(0.1, 0.0, 0.35, 0.35, 0.2, 0.0);
    /** Reliability 0.3, formalisation 0.3, secure hand-offs 0.4. */
    public static final Phase SALE_DEFAULTS = new Phase(0.0, 0.0, 0.3, 0.3, 0.4, 0.0);
    public static final HealthWeights DEFAULTS = new HealthWeights(null, null, null);

    public HealthWeights {
        growth = growth == null ? GROWTH_DEFAULTS : growth.orElse(GROWTH_DEFAULTS);
        transformation = transformation == null ? TRANSFORMATION_DEFAULTS
                : transformation.orElse(TRANSFORMATION_DEFAULTS);
        sale = sale == null ? SALE_DEFAULTS : sale.orElse(SALE_DEFAULTS);
    }

    /**
     * @param reactivity      weight of the on-time rate
     * @param absorption      weight of approvals ÷ requests (capped at 1)
     * @param reliability     weight of 1 − (reworks + incidents) ÷ completions (floored at 0)
     * @param formalisation   weight of the share of requests that follow an SOP
     * @param secureHandOffs  weight of the share of completions handed over with every checklist item passed
     * @param satisfaction    weight of the mean rating ÷ 10
     */
    public record Phase(Double reactivity, Double absorption, Double reliability, Double formalisation,
                        Double secureHandOffs, Double satisfaction) {

        public Phase {
            for (Double weight : new Double[] {reactivity, absorption, reliability, formalisation, secureHandOffs,
                    satisfaction}) {
                if (weight != null && !(weight >= 0 && Double.isFinite(weight))) {
                    throw new IllegalArgumentException("health weights must be finite and >= 0, was " + weight);
                }
            }
        }

        Phase orElse(Phase defaults) {
            return new Phase(or(reactivity, defaults.reactivity), or(absorption, defaults.absorption),
                    or(reliability, defaults.reliability), or(formalisation, defaults.formalisation),
                    or(secureHandOffs, defaults.secureHandOffs), or(satisfaction, defaults.satisfaction));
        }

        double[] asArray() {
            return new double[] {reactivity, absorption, reliability, formalisation, secureHandOffs, satisfaction};
        }

        private static Double or(Double value, Double fallback) {
            return value == null ? fallback : value;
        }
    }
}
