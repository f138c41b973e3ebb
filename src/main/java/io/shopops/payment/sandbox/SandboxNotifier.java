package io.shopops.payment.sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers the sandbox's notifications in the background: an HTTP POST of the signed form-encoded body to the
 * notify URL, repeated with back-off ({@code retry-delays}) until the merchant answers 200 with {@code success}, at
 * most {@code max-attempts} times (Alipay: 25 times over a day; compressed here). Each attempt is recorded in the
 * sandbox's books once, so two nodes racing over the same attempt send it at most twice and record it once; a
 * node that starts resumes the deliveries that are still pending. Without a configured notify URL and without a
 * web server (a test without one, the command-line demo) nothing is sent and the notifications stay pending.
 */
class SandboxNotifier implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(SandboxNotifier.class);

    private final SandboxBooks books;
    private final SandboxProperties properties;
    private final SandboxClock clock;
    private final TransactionTemplate own;
    private final HttpClient http;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("sandbox-notify-timer").daemon().factory());
    private final ExecutorService senders = Executors.newThreadPerTaskExecutor(
            Thread.ofVirtual().name("sandbox-notify-", 0).factory());
    private volatile @Nullable URI localEndpoint;

    SandboxNotifier(SandboxBooks books, SandboxProperties properties, SandboxClock clock, TransactionTemplate own) {
        this.books = books;
        this.properties = properties;
        this.clock = clock;
        this.own = own;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(properties.timeout())
                .build();
    }

    /** This node's own notify endpoint, once its web server listens; then the pending deliveries resume. */
    @EventListener
    void onWebServer(WebServerInitializedEvent event) {
        if (event.getApplicationContext().getServerNamespace() != null) {
            return;
        }
        localEndpoint = URI.create("http://localhost:" + event.getWebServer().getPort()
                + "/api/v1/payments/notify/" + SandboxProvider.CODE);
        resume();
    }

    private @Nullable URI target() {
        URI configured = properties.notifyUri();
        return configured != null ? configured : localEndpoint;
    }

    /** Schedules the first attempts of notifications just committed. */
    void send(List<SandboxNotice> notices) {
        if (target() == null) {
            return;
        }
        notices.forEach(notice -> schedule(notice.id(), Duration.ofMillis(notice.firstDelayMillis())));
    }

    private void resume() {
        List<SandboxNotice> pending = own.execute(status -> books.deliverable());
        if (pending == null) {
            return;
        }
        for (SandboxNotice notice : pending) {
            schedule(notice.id(), notice.attempts() == 0 ? Duration.ofMillis(notice.firstDelayMillis())
                    : properties.delayAfter(notice.attempts()));
        }
    }

    private void schedule(long id, Duration delay) {
        try {
            timer.schedule(() -> senders.execute(() -> attempt(id)), delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException shuttingDown) {
            log.debug("Sandbox notification {} not scheduled: shutting down", id);
        }
    }

    private void attempt(long id) {
        try {
            SandboxNotice notice = own.execute(status -> books.notice(id).orElse(null));
            URI target = target();
            if (notice == null || notice.status() != SandboxNotice.Status.PENDING || target == null) {
                return;
            }
            boolean success;
            String answer;
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(target)
                        .timeout(properties.timeout())
                        .header("Content-Type", SandboxNotice.CONTENT_TYPE)
                        .POST(HttpRequest.BodyPublishers.ofString(notice.body())).build(),
                        HttpResponse.BodyHandlers.ofString());
                success = response.statusCode() == 200 && response.body().trim().equals("success");
                answer = response.statusCode() + " " + response.body().strip();
            } catch (IOException unreachable) {
                success = false;
                answer = unreachable.getClass().getSimpleName() + ": " + unreachable.getMessage();
            }
            int attempts = notice.attempts() + 1;
            SandboxNotice.Status next = success ? SandboxNotice.Status.DELIVERED
                    : attempts >= properties.maxAttempts() ? SandboxNotice.Status.GAVE_UP : SandboxNotice.Status.PENDING;
            String recordedAnswer = answer;
            Boolean recorded = own.execute(status -> books.attempted(id, attempts, next, recordedAnswer, clock.now()));
            if (!Boolean.TRUE.equals(recorded)) {
                return;
            }
            if (success) {
                List<SandboxNotice> held = own.execute(status -> books.heldFor(id));
                if (held != null) {
                    held.forEach(h -> schedule(h.id(), Duration.ofMillis(h.firstDelayMillis())));
                }
            } else if (next == SandboxNotice.Status.PENDING) {
                log.info("Sandbox notification {} attempt {} not answered success ({}); trying again", id, attempts,
                        answer);
                schedule(id, properties.delayAfter(attempts));
            } else {
                log.warn("Sandbox notification {} given up after {} attempts ({})", id, attempts, answer);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException unexpected) {
            log.warn("Sandbox notification {} could not be attempted", id, unexpected);
        }
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
        senders.shutdownNow();
    }
}
