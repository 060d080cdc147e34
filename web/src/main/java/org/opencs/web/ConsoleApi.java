package org.opencs.web;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.opencs.core.AuditLog;
import org.opencs.jes.Jes;
import org.opencs.jes.JobFilter;
import org.opencs.jes.JobSummary;
import org.opencs.saf.Registry;
import org.opencs.saf.certs.DigitalCertificate;
import org.opencs.saf.users.User;

/**
 * What the console shows, read-only, with RACF's rule: a user sees their own certificates, key rings, jobs and audit
 * records; a SPECIAL user sees all (CERTAUTH and SITE certificates too, as RACDCERT LIST CERTAUTH needs authority).
 * Certificates come from the registry's store, jobs from JES (as the FTP JES listing gets them), audit records from
 * the node's {@code logs/audit.jsonl} (parsed with Jackson; a line that does not parse is skipped).
 */
public final class ConsoleApi {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> RECORD = new TypeReference<>() {
    };

    private final Registry registry;
    private final Jes jes;

    /** The console of {@code registry}'s system; {@code jes} null when this server has no JES (no jobs shown). */
    public ConsoleApi(Registry registry, Jes jes) {
        this.registry = registry;
        this.jes = jes;
    }

    /** The registry's user {@code userid} (a web session's user), if it is still defined. */
    public java.util.Optional<User> user(String userid) {
        return registry.users().find(userid);
    }

    /** The certificates {@code user} may see, soonest notAfter first, and the key rings. */
    public ConsoleViews.Certificates certificates(User user) {
        List<String> owners = new ArrayList<>();
        if (user.special()) {
            owners.add(DigitalCertificate.CERTAUTH);
            owners.add(DigitalCertificate.SITE);
            registry.users().list().forEach(u -> owners.add(u.userid()));
        } else {
            owners.add(user.userid());
        }
        Instant now = registry.clock().instant();
        List<ConsoleViews.Certificate> certificates = new ArrayList<>();
        List<ConsoleViews.KeyRing> rings = new ArrayList<>();
        for (String owner : owners) {
            for (DigitalCertificate certificate : registry.certificates().list(owner)) {
                certificates.add(view(certificate, now));
            }
            for (String ring : registry.certificates().rings(owner)) {
                rings.add(new ConsoleViews.KeyRing(owner, ring, registry.certificates().members(owner, ring).stream()
                        .map(m -> new ConsoleViews.RingMember(DigitalCertificate.displayOwner(m.certOwner()),
                                m.certLabel(), m.usage(), m.isDefault())).toList()));
            }
        }
        certificates.sort(Comparator.comparing(ConsoleViews.Certificate::notAfter)
                .thenComparing(ConsoleViews.Certificate::owner).thenComparing(ConsoleViews.Certificate::label));
        return new ConsoleViews.Certificates(scope(user), certificates, rings, now.toString());
    }

    static ConsoleViews.Certificate view(DigitalCertificate certificate, Instant now) {
        X509Certificate x509 = certificate.x509();
        Instant notAfter = x509.getNotAfter().toInstant();
        return new ConsoleViews.Certificate(certificate.ownerDisplay(), certificate.label(),
                x509.getSubjectX500Principal().getName(), x509.getIssuerX500Principal().getName(),
                x509.getNotBefore().toInstant().toString(), notAfter.toString(), ExpiryWarning.daysLeft(notAfter, now),
                ExpiryWarning.of(notAfter, now).label(), certificate.trust(), certificate.hasPrivateKey());
    }

    /** The jobs {@code user} may see: their own (JESOWNER=user), SPECIAL all, in job ID order. */
    public ConsoleViews.Jobs jobs(User user) {
        if (jes == null) {
            return new ConsoleViews.Jobs(scope(user), List.of(),
                    "OCSW041I JES is not running in this server: no jobs to show.");
        }
        List<ConsoleViews.Job> jobs = jes.jobs(user, new JobFilter("*", user.special() ? "*" : user.userid(), null, 0))
                .stream().map(ConsoleApi::view).toList();
        return new ConsoleViews.Jobs(scope(user), jobs, "");
    }

    private static ConsoleViews.Job view(JobSummary job) {
        return new ConsoleViews.Job(job.jobName(), job.jobId(), job.owner(), job.status().name(), job.jobClass(),
                job.held(), job.completion() == null ? "" : job.completion().text(), job.spoolFileCount(),
                job.submitted() == null ? "" : job.submitted().toString());
    }

    /**
     * The audit records {@code user} may see (their own: the record's {@code user} is theirs; SPECIAL all) that pass
     * {@code query}, newest first, at most {@link AuditQuery#LIMIT}.
     */
    public ConsoleViews.Audit audit(User user, AuditQuery query) {
        Path file = registry.home().logs().resolve(AuditLog.FILE_NAME);
        Deque<Map<String, Object>> newest = new ArrayDeque<>();
        if (Files.exists(file)) {
            try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
                lines.forEach(line -> {
                    Map<String, Object> record = parse(line);
                    if (record != null && query.matches(record) && (user.special()
                            || user.userid().equalsIgnoreCase(String.valueOf(record.get("user"))))) {
                        newest.addFirst(record);
                        if (newest.size() > AuditQuery.LIMIT) {
                            newest.removeLast();
                        }
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        List<Map<String, Object>> records = new ArrayList<>(newest);
        // the file is in write order; records from several threads may be a little out of time order
        records.sort(Comparator.comparing((Map<String, Object> r) -> AuditQuery.time(r),
                Comparator.nullsLast(Comparator.reverseOrder())));
        return new ConsoleViews.Audit(scope(user), AuditQuery.LIMIT, records);
    }

    private static Map<String, Object> parse(String line) {
        if (line.isBlank()) {
            return null;
        }
        try {
            return JSON.readValue(line, RECORD);
        } catch (IOException e) {
            return null;
        }
    }

    /** The jobs' spool ({@code GET /api/jobs/{jobId}/spool[/{n}]}), with JES's own access check. */
    public ConsoleSpool spool() {
        return new ConsoleSpool(jes);
    }

    private static String scope(User user) {
        return user.special() ? "ALL" : "OWN";
    }
}
