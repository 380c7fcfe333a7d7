package io.relais.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TopicsTest {

    @Test
    void shouldKeepTaskEventsForever_soProjectionsCanBeRebuiltByReplay() {
        assertThat(Topics.TASKS.retentionMs()).isEqualTo(-1L);
        assertThat(Topics.TASKS.cleanupPolicy()).isEqualTo(TopicSpec.CleanupPolicy.DELETE);
    }

    @Test
    void shouldVersionEveryTopicName_andNeverReuseOne() {
        Set<String> names = new HashSet<>();
        for (TopicSpec topic : Topics.ALL) {
            assertThat(topic.name()).matches("relais\\.[a-z-]+\\.v\\d+");
            assertThat(names.add(topic.name())).as("unique %s", topic.name()).isTrue();
        }
    }

    @Test
    void shouldCreateCompactedKpisKeptFor400Days_andTaskEventsKeptForever() {
        assertThat(Topics.KPIS.topicConfigs())
                .containsEntry("cleanup.policy", "compact").containsEntry("retention.ms", "34560000000");
        assertThat(Topics.TASKS.topicConfigs()).containsEntry("cleanup.policy", "delete").containsEntry("retention.ms", "-1");
    }

    @Test
    void shouldNameADeadLetterTopicPerSourceAndConsumer_withTheSourcesPartitionsKeptForever() {
        TopicSpec dlt = Topics.deadLetter(Topics.TASKS, "query");

        assertThat(dlt.name()).isEqualTo("relais.tasks.v1.dlt.query");
        assertThat(dlt.partitions()).isEqualTo(Topics.TASKS.partitions());
        assertThat(dlt.retentionMs()).isEqualTo(-1L);
        assertThat(Topics.deadLetter(Topics.TASKS, "kpi-streams").name()).isNotEqualTo(dlt.name());
        assertThatThrownBy(() -> Topics.deadLetter(Topics.TASKS, "Query Service"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldRefuseATopicWithoutPartitions() {
        assertThatThrownBy(() -> new TopicSpec("relais.x.v1", 0, null, TopicSpec.CleanupPolicy.DELETE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("partitions");
    }
}
