package io.relais.query.review;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The weekly review's recurring run, a db-scheduler task kept in {@code scheduled_tasks}: its next execution is a row,
 * so it survives restarts. At startup the scheduler keeps an execution already there, even one whose time passed while
 * the service was down: that run happens as soon as the service is back (once, however many Mondays were missed;
 * {@link WeeklyReviewService#runScheduled()} then makes up the missing weeks). A cron changed to an earlier time is
 * taken at the next startup. With several instances, one of them runs it (the row is picked under a lock).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "relais.weekly-review.enabled", havingValue = "true", matchIfMissing = true)
class WeeklyReviewSchedule {

    static final String TASK_NAME = "weekly-review";

    @Bean
    RecurringTask<Void> weeklyReviewTask(WeeklyReviewService reviews, WeeklyReviewProperties properties) {
        return Tasks.recurring(TASK_NAME, Schedules.cron(properties.cron(), properties.zone()))
                .onFailure(new FailureHandler.OnFailureRetryLater<>(properties.retryAfter()))
                .execute((instance, context) -> reviews.runScheduled());
    }
}
