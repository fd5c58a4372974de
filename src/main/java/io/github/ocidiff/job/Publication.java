package io.github.ocidiff.job;

import io.github.ocidiff.OcidiffException;
import io.github.ocidiff.config.Config;
import io.github.ocidiff.oci.OciClients;
import io.github.ocidiff.publish.EmailPublisher;
import io.github.ocidiff.publish.MailDecision;
import io.github.ocidiff.publish.ObjectStoragePublisher;
import io.github.ocidiff.publish.PublishedObject;
import io.github.ocidiff.publish.ReportFile;
import io.github.ocidiff.report.Report;
import io.github.ocidiff.report.ReportFormat;
import io.github.ocidiff.store.DailyReport;
import io.github.ocidiff.store.SnapshotInfo;
import io.github.ocidiff.store.Store;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Publishes every day's report not published yet: today's, and any earlier one whose upload or mail
 * failed. The store records each step as done, so a day is never uploaded or mailed twice; a target
 * that is not configured is recorded as decided against, so configuring it later does not flood it
 * with old days.
 */
final class Publication {
    private final Store store;
    private final OciClients clients;
    private final Config config;
    private final DiffJob diff;
    private final List<String> lines = new ArrayList<>();
    private final List<String> failures = new ArrayList<>();
    private Optional<ObjectStoragePublisher> objectStorage;

    Publication(Store store, OciClients clients, Config config, DiffJob diff) {
        this.store = store;
        this.clients = clients;
        this.config = config;
        this.diff = diff;
    }

    /** @param todaysReport the report just written for {@code today}, so it is not rebuilt */
    void publishPending(LocalDate today, Report todaysReport, Instant now) {
        for (DailyReport day : store.dailyReports()) {
            if (day.uploadedAt() != null && day.mailedAt() != null) {
                if (day.day().equals(today)) {
                    // A re-run says why it sent nothing, as a first run says what it sent.
                    lines.add(today + ": published by an earlier run (" + (day.uploadNote() == null ? "uploaded"
                            : "not uploaded: " + day.uploadNote()) + "; " + (day.mailNote() == null ? "mailed"
                            : "no mail: " + day.mailNote()) + "); --republish sends it again");
                }
                continue;
            }
            List<ReportFile> files = files(day.reportDir());
            if (files.isEmpty()) {
                String note = "report files no longer in " + day.reportDir();
                store.dailyReportUploaded(day.day(), now, day.uploadedAt() == null ? note : day.uploadNote());
                store.dailyReportMailed(day.day(), now, day.mailedAt() == null ? note : day.mailNote());
                lines.add(day.day() + ": not published: " + note);
                continue;
            }
            String location = day.reportDir().resolve(ReportFormat.HTML.fileName()).toAbsolutePath().toString();
            if (day.uploadedAt() == null) {
                location = upload(day.day(), files, now).orElse(location);
            } else if (day.mailedAt() == null && day.uploadNote() == null) {
                // Uploaded by an earlier run: the mail retried now links there, not to this host's folder.
                location = uploaded(day.day()).orElse(location);
            }
            if (day.mailedAt() == null) {
                mail(day, day.day().equals(today) ? todaysReport : null, location, files, now);
            }
        }
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    /** The Object Storage publisher, opened once, when a bucket is configured. */
    private Optional<ObjectStoragePublisher> objectStorage() {
        if (objectStorage == null) {
            objectStorage = ObjectStoragePublisher.open(() -> clients, config);
        }
        return objectStorage;
    }

    /** The URL of a day's HTML report uploaded before, unless Object Storage cannot say it now. */
    private Optional<String> uploaded(LocalDate day) {
        try {
            return objectStorage().map(p -> p.url(day, ReportFormat.HTML.fileName()));
        } catch (OcidiffException e) {
            return Optional.empty();
        }
    }

    /** @return the URL of the uploaded HTML report, when uploaded */
    private Optional<String> upload(LocalDate day, List<ReportFile> files, Instant now) {
        try {
            // Opening it may fail too (Identity not answering, a region not subscribed): retried as an upload.
            Optional<ObjectStoragePublisher> publisher = objectStorage();
            if (publisher.isEmpty()) {
                store.dailyReportUploaded(day, now, "publish.objectStorage.bucket is not set");
                return Optional.empty();
            }
            List<PublishedObject> objects = publisher.get().publish(day, files);
            store.dailyReportUploaded(day, now, null);
            lines.add(day + ": uploaded " + objects.size() + " files to bucket " + config.publish().objectStorage().bucket()
                    + " as " + objects.get(0).name().replaceFirst("[^/]*$", "*"));
            return objects.stream().filter(o -> o.name().endsWith(".html")).map(PublishedObject::url).findFirst();
        } catch (OcidiffException e) {
            failures.add(day + ": upload to Object Storage failed, retried on the next run: " + e.getMessage());
            return Optional.empty();
        }
    }

    private void mail(DailyReport day, Report report, String location, List<ReportFile> files, Instant now) {
        if (!config.publish().email().enabled()) {
            store.dailyReportMailed(day.day(), now, "publish.email.enabled is false");
            return;
        }
        try {
            Report mailed = report != null ? report : rebuild(day, now);
            EmailPublisher.Delivery delivery = new EmailPublisher(config.publish().email()).publish(mailed, location,
                    files);
            MailDecision decision = delivery.decision();
            store.dailyReportMailed(day.day(), now, decision.send() ? null : decision.reason());
            if (delivery.refused().isPresent()) {
                failures.add(day.day() + ": " + delivery.refused().get());
            } else {
                lines.add(day.day() + (decision.send() ? ": mailed to " + String.join(", ", config.publish().email().to())
                        : ": no mail: " + decision.reason()));
            }
        } catch (OcidiffException e) {
            failures.add(day.day() + ": mail failed, retried on the next run: " + e.getMessage());
        }
    }

    /** An earlier day's report, rendered again from the store (its Audit evidence was kept). */
    private Report rebuild(DailyReport day, Instant now) {
        Optional<SnapshotInfo> base = Optional.ofNullable(day.baseSnapshotId()).map(id -> snapshot(day, id));
        return diff.nightly(base, snapshot(day, day.snapshotId()), now).report();
    }

    private SnapshotInfo snapshot(DailyReport day, long id) {
        return store.snapshot(id).orElseThrow(() -> OcidiffException.runtime(
                "the report of " + day.day() + " cannot be rebuilt: snapshot " + id + " is gone", null));
    }

    private static List<ReportFile> files(Path dir) {
        List<ReportFile> files = new ArrayList<>();
        for (ReportFormat format : ReportFormat.values()) {
            Path file = dir.resolve(format.fileName());
            if (Files.isRegularFile(file)) {
                files.add(ReportFile.of(file));
            }
        }
        return files;
    }
}
