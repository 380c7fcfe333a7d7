package io.relais.localkafka;

import java.util.Properties;

/**
 * The broker's server.properties: one process that is both the KRaft controller and the broker, sized for
 * one machine. Every replication setting is 1 because there is no second node to copy to; the transaction
 * settings matter because kpi-streams runs exactly-once v2.
 */
final class SingleNodeKraftConfiguration {

    static final int NODE_ID = 1;

    private SingleNodeKraftConfiguration() {
    }

    static Properties of(LocalKafkaSettings settings) {
        String host = LocalKafkaSettings.HOST;
        Properties properties = new Properties();
        properties.setProperty("process.roles", "broker,controller");
        properties.setProperty("node.id", Integer.toString(NODE_ID));
        properties.setProperty("controller.quorum.voters", NODE_ID + "@" + host + ":" + settings.controllerPort());
        properties.setProperty("listeners",
                "PLAINTEXT://" + host + ":" + settings.port() + ",CONTROLLER://" + host + ":" + settings.controllerPort());
        properties.setProperty("advertised.listeners", "PLAINTEXT://" + settings.bootstrapServers());
        properties.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        properties.setProperty("controller.listener.names", "CONTROLLER");
        properties.setProperty("inter.broker.listener.name", "PLAINTEXT");
        properties.setProperty("log.dirs", settings.dataDirectory().toString());

        properties.setProperty("offsets.topic.replication.factor", "1");
        properties.setProperty("transaction.state.log.replication.factor", "1");
        properties.setProperty("transaction.state.log.min.isr", "1");
        properties.setProperty("min.insync.replicas", "1");
        // The defaults (50 partitions each) cost seconds on the first consumer group and transaction of a 2-core laptop.
        properties.setProperty("offsets.topic.num.partitions", "3");
        properties.setProperty("transaction.state.log.num.partitions", "3");
        // Nobody waits for a second group member on a single machine.
        properties.setProperty("group.initial.rebalance.delay.ms", "0");
        // Topics come only from the services' declarations (partitions, retention, cleanup policy), never from a typo.
        properties.setProperty("auto.create.topics.enable", "false");
        return properties;
    }
}
