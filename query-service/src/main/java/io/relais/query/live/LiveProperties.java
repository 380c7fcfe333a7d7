package io.relais.query.live;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of {@code GET /api/live} (README, "Dashboard").
 *
 * @param maxSubscribers how many streams may be open at once; one more is answered 503 ({@code RELAIS_LIVE_MAX_SUBSCRIBERS})
 * @param keepAlive      how often an idle stream gets a comment line, so that proxies keep it and clients notice a
 *                       dead one ({@code RELAIS_LIVE_KEEP_ALIVE})
 * @param timeout        how long one stream lasts; the client then opens a new one, authenticated again
 *                       ({@code RELAIS_LIVE_TIMEOUT})
 * @param queueCapacity  messages waiting for one slow client; past that its stream is closed and it reconnects
 *                       (and reloads), rather than holding memory or the projections back ({@code RELAIS_LIVE_QUEUE_CAPACITY})
 */
@ConfigurationProperties("relais.live")
record LiveProperties(Integer maxSubscribers, Duration keepAlive, Duration timeout, Integer queueCapacity) {

    LiveProperties {
        maxSubscribers = maxSubscribers == null ? 100 : maxSubscribers;
        keepAlive = keepAlive == null ? Duration.ofSeconds(15) : keepAlive;
        timeout = timeout == null ? Duration.ofMinutes(10) : timeout;
        queueCapacity = queueCapacity == null ? 256 : queueCapacity;
        if (maxSubscribers < 0 || queueCapacity < 1 || keepAlive.isNegative() || keepAlive.isZero()
                || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalStateException("relais.live: max-subscribers >= 0, queue-capacity >= 1, keep-alive and"
                    + " timeout > 0 (got " + maxSubscribers + ", " + queueCapacity + ", " + keepAlive + ", " + timeout
                    + ")");
        }
    }
}
