package io.relais.kpi;

import io.relais.contract.TopicSpec;
import io.relais.contract.Topics;
import io.relais.kpi.rolling.RollingKpisTopology;
import io.relais.kpi.sla.SlaClockTopology;
import java.util.Properties;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.Topology;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** Wires the topologies (built by their own classes, the ones under test) into one Kafka Streams app. */
@Configuration
class KpiStreamsConfiguration {

    @Bean
    Topology kpiTopology(KpiStreamsProperties properties) {
        return topology(properties);
    }

    /**
     * Every topology on one builder, so one Kafka Streams app (one transaction per commit) runs them all; those
     * reading the task events share one source node.
     */
    static Topology topology(KpiStreamsProperties properties) {
        StreamsBuilder builder = new StreamsBuilder();
        new SlaClockTopology(properties.sla().punctuationInterval(), properties.sla().atRiskRatio()).addTo(builder);
        return new RollingKpisTopology(properties.lateEventGrace(), properties.rolling().publishInterval(),
                properties.rolling().wipInterval(), properties.health()).build(builder);
    }

    @Bean
    Properties kpiStreamsSettings(KpiStreamsProperties properties,
                                  @Value("${spring.kafka.bootstrap-servers}") String bootstrapServers) {
        Properties settings = new Properties();
        settings.put(StreamsConfig.APPLICATION_ID_CONFIG, properties.applicationId());
        settings.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        settings.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        settings.put(StreamsConfig.STATE_DIR_CONFIG, properties.stateDir().toString());
        // Under exactly-once, read_committed readers see results when a transaction commits; the commit
        // interval therefore bounds how stale a dashboard figure is (the record cache is flushed on commit).
        settings.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, properties.commitInterval().toMillis());
        settings.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) properties.replicationFactor());
        // A record that is not a CloudEvent is set aside on a dead-letter topic instead of stopping the service.
        settings.put(StreamsConfig.DEFAULT_DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG,
                DeadLetterDeserializationHandler.class);
        // A new application id counts the whole history, not just what arrives after its first start.
        settings.put(StreamsConfig.consumerPrefix(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG), "earliest");
        return settings;
    }

    /** Kafka Streams refuses to start on a missing source topic, so kpi-streams declares the ones it reads too. */
    @Bean
    NewTopic taskEventsTopic(KpiStreamsProperties properties) {
        return newTopic(Topics.TASKS, properties.replicationFactor());
    }

    /** The engagements' rates feed the cost KPIs (a global store: Kafka Streams needs the topic to exist). */
    @Bean
    NewTopic engagementEventsTopic(KpiStreamsProperties properties) {
        return newTopic(Topics.ENGAGEMENTS, properties.replicationFactor());
    }

    /** Where undecodable task records go ({@link DeadLetterDeserializationHandler}). */
    @Bean
    NewTopic taskDeadLettersTopic(KpiStreamsProperties properties) {
        return newTopic(Topics.deadLetter(Topics.TASKS, DeadLetterDeserializationHandler.CONSUMER),
                properties.replicationFactor());
    }

    @Bean
    NewTopic kpisTopic(KpiStreamsProperties properties) {
        return newTopic(Topics.KPIS, properties.replicationFactor());
    }

    @Bean
    NewTopic slaAlertsTopic(KpiStreamsProperties properties) {
        return newTopic(Topics.SLA_ALERTS, properties.replicationFactor());
    }

    private static NewTopic newTopic(TopicSpec spec, short replicationFactor) {
        return TopicBuilder.name(spec.name())
                .partitions(spec.partitions())
                .replicas(replicationFactor)
                .configs(spec.topicConfigs())
                .build();
    }
}
