package io.relais.query.kpi;

import io.relais.contract.sla.SlaAlert;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.Optional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The live SLA alerts: at risk and breached tasks, most recently detected first. */
@RestController
@RequestMapping("/api/sla-alerts")
class SlaAlertController {

    private final SlaAlertRepository alerts;

    SlaAlertController(SlaAlertRepository alerts) {
        this.alerts = alerts;
    }

    /**
     * @param kind AT_RISK or BREACHED
     * @param open true: only tasks still open (neither approved nor cancelled); false: only closed ones
     */
    @GetMapping
    List<SlaAlert> list(@RequestParam Optional<SlaAlert.Kind> kind,
                        @RequestParam Optional<Boolean> open,
                        @RequestParam(defaultValue = "500") @Min(1) @Max(KpiController.MAX_LIMIT) int limit) {
        return alerts.find(kind, open, limit);
    }
}
