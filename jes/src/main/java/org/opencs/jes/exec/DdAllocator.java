package org.opencs.jes.exec;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opencs.core.Ebcdic;
import org.opencs.core.ZosException;
import org.opencs.datasets.Catalog;
import org.opencs.datasets.DatasetAccess;
import org.opencs.datasets.DatasetAttributes;
import org.opencs.datasets.DatasetName;
import org.opencs.datasets.RecordFormat;
import org.opencs.jes.jcl.DdSpec;
import org.opencs.jes.jcl.DdStatement;
import org.opencs.jes.jcl.Disposition;
import org.opencs.jes.jcl.Step;
import org.opencs.jes.step.Abend;
import org.opencs.saf.resources.AccessLevel;

/**
 * Allocates a step's DD statements, as z/OS allocation does before the program gets control: every data set named
 * OLD, SHR (or MOD) must exist, else IEF212I and a JCL error; NEW data sets are created (duplicate name:
 * IGD17101I, a JCL error) with the DD's DCB, RECFM=FB LRECL=80 when it gives none, after the job user's ALTER
 * authority is checked (a refusal abends the step S913, ICH408I). Temporary data sets (&&name) get the system's
 * name SYSyyddd.Thhmmss.RA000.jobname.name; backward references (*.STEP.DD, *.STEP.PROCSTEP.DD) take the name of
 * that earlier DD. Each allocation writes IEF237I to JESYSMSG: "JES2" for SYSOUT and in-stream data, "DMY" for
 * DUMMY, "VIO" for temporary data sets, "DASD" for the others (OpenCS has no device numbers). Source: z/OS MVS JCL
 * Reference, "DISP parameter", "DSNAME parameter" (temporary data sets, backward references); z/OS MVS System
 * Messages (IEF212I, IEF237I).
 */
final class DdAllocator {
    private static final DateTimeFormatter TEMP_DAY = DateTimeFormatter.ofPattern("yyDDD");
    private static final DateTimeFormatter TEMP_TIME = DateTimeFormatter.ofPattern("HHmmss");

    private final Catalog catalog;
    private final DatasetAccess access;
    private final ZoneId zone;

    DdAllocator(Catalog catalog, DatasetAccess access, ZoneId zone) {
        this.catalog = catalog;
        this.access = access;
        this.zone = zone;
    }

    /** The step's DDs by name, in order; IEF237I lines go to the job's JESYSMSG. */
    Map<String, AllocatedDd> allocate(JobState job, Step step) throws AllocationError {
        List<Resolved> resolved = new ArrayList<>();
        for (DdStatement dd : step.dds()) {
            List<Allocated> elements = new ArrayList<>();
            for (DdSpec spec : dd.concatenation()) {
                elements.add(resolve(job, step, dd.ddName(), spec));
            }
            resolved.add(new Resolved(dd.ddName(), elements));
        }
        // Second pass, once every name is known to be there: create the NEW data sets.
        LocalDate today = LocalDate.ofInstant(job.started, zone);
        for (Resolved dd : resolved) {
            for (Allocated element : dd.elements()) {
                if (element instanceof Allocated.Dataset d && d.created()) {
                    create(job, d, today);
                }
            }
        }
        Map<String, AllocatedDd> allocated = new LinkedHashMap<>();
        for (Resolved dd : resolved) {
            boolean firstElement = true;
            for (Allocated element : dd.elements()) {
                job.log.system("IEF237I " + unit(element) + " ALLOCATED TO " + (firstElement ? dd.ddName() : ""));
                firstElement = false;
            }
            allocated.put(dd.ddName(), new AllocatedDd(dd.ddName(), dd.elements(), catalog, access, job.user));
            Allocated first = dd.elements().get(0);
            if (first instanceof Allocated.Dataset d) {
                remember(job, step, dd.ddName(), d.name());
            }
        }
        return allocated;
    }

    private record Resolved(String ddName, List<Allocated> elements) {
    }

    private Allocated resolve(JobState job, Step step, String ddName, DdSpec spec) throws AllocationError {
        if (spec instanceof DdSpec.Sysout sysout) {
            return new Allocated.Sysout(sysout.sysoutClass(), job.nextJesName(), dcb(sysout.dcb(), false));
        }
        if (spec instanceof DdSpec.Dummy dummy) {
            return new Allocated.Dummy(dcb(dummy.dcb(), false));
        }
        if (spec instanceof DdSpec.Instream instream) {
            List<byte[]> records = new ArrayList<>();
            for (String line : instream.records()) {
                byte[] record = Arrays.copyOf(Ebcdic.encode(line), 80);
                int length = Math.min(Ebcdic.encode(line).length, 80);
                Arrays.fill(record, length, 80, Ebcdic.BLANK);
                records.add(record);
            }
            return new Allocated.Instream(records, job.nextJesName());
        }
        DdSpec.Dataset dataset = (DdSpec.Dataset) spec;
        DatasetName name = name(job, step, ddName, dataset);
        Disposition disp = dataset.disp() == null ? Disposition.defaults() : dataset.disp();
        boolean exists = catalog.attributes(name.withoutMember()).isPresent();
        boolean created = switch (disp.status()) {
            case NEW -> true;
            case MOD -> !exists;
            case OLD, SHR -> false;
        };
        if (!created && !exists) {
            throw new AllocationError("IEF212I " + job.record.jobName() + " " + step.stepName()
                    + (step.procStepName() == null ? "" : " " + step.procStepName()) + " " + ddName
                    + " - DATA SET NOT FOUND");
        }
        if (created && exists) {
            throw new AllocationError("IGD17101I DATA SET " + name.withoutMember()
                    + " NOT DEFINED BECAUSE DUPLICATE NAME EXISTS IN CATALOG");
        }
        boolean temporary = dataset.temporary() || isTemporaryName(job, name);
        Disposition.Action normal = disp.normal() != null ? disp.normal()
                : created ? (temporary ? Disposition.Action.PASS : Disposition.Action.DELETE) : Disposition.Action.KEEP;
        Disposition.Action abnormal = disp.abnormal() != null ? disp.abnormal()
                : disp.normal() != null && disp.normal() != Disposition.Action.PASS ? disp.normal()
                : created ? Disposition.Action.DELETE : Disposition.Action.KEEP;
        DatasetAttributes dcb = dcb(dataset.dcb(), created);
        if (created && name.member() != null && dcb != null && !dcb.dsorg().equals("PO")) {
            dcb = new DatasetAttributes("PO", dcb.recfm(), dcb.lrecl(), dcb.blksize(), dcb.created(), dcb.referenced());
        }
        // A passed data set received with a final disposition is no longer waiting for the end of the job.
        if (normal != Disposition.Action.PASS) {
            job.passed.remove(name.name());
        }
        return new Allocated.Dataset(name, disp.status(), created, temporary, normal, abnormal, dcb);
    }

    private boolean isTemporaryName(JobState job, DatasetName name) {
        return job.temporaries.containsValue(name.withoutMember());
    }

    private DatasetName name(JobState job, Step step, String ddName, DdSpec.Dataset dataset) throws AllocationError {
        if (dataset.backwardReference() != null) {
            String key = dataset.backwardReference().substring(2).toUpperCase(Locale.ROOT);
            DatasetName referenced = job.references.get(key);
            if (referenced == null) {
                throw new AllocationError("IEF645I " + job.record.jobName() + " " + step.stepName() + " " + ddName
                        + " - INVALID REFERBACK " + dataset.backwardReference());
            }
            return referenced;
        }
        try {
            if (dataset.temporary()) {
                String temp = dataset.dsname().substring(2);
                DatasetName base = job.temporaries.get(temp);
                if (base == null) {
                    var time = job.started.atZone(zone);
                    base = new DatasetName("SYS" + TEMP_DAY.format(time) + ".T" + TEMP_TIME.format(time) + ".RA000."
                            + job.record.jobName() + "." + temp, null);
                    job.temporaries.put(temp, base);
                }
                return new DatasetName(base.name(), dataset.member());
            }
            return new DatasetName(dataset.dsname(), dataset.member());
        } catch (ZosException e) {
            throw new AllocationError("IEFC627I INCORRECT USE OF DSNAME ON THE " + ddName + " DD STATEMENT: "
                    + e.text());
        }
    }

    private void create(JobState job, Allocated.Dataset d, LocalDate today) {
        if (!d.temporary()) {
            try {
                access.check(job.user, d.name().withoutMember(), AccessLevel.ALTER);
            } catch (ZosException e) {
                throw new Abend("S913", "38", "ICH408I", e.text());
            }
        }
        DatasetAttributes attributes = d.dcb() != null ? d.dcb() : defaults(today);
        catalog.allocate(d.name().withoutMember(), new DatasetAttributes(attributes.dsorg(), attributes.recfm(),
                attributes.lrecl(), attributes.blksize(), today, today));
    }

    private static void remember(JobState job, Step step, String ddName, DatasetName name) {
        job.references.put(step.stepName() + "." + ddName, name);
        if (step.procStepName() != null) {
            job.references.put(step.stepName() + "." + step.procStepName() + "." + ddName, name);
            job.references.put(step.procStepName() + "." + ddName, name);
        }
    }

    private static String unit(Allocated element) {
        if (element instanceof Allocated.Sysout || element instanceof Allocated.Instream) {
            return "JES2";
        }
        if (element instanceof Allocated.Dummy) {
            return "DMY ";
        }
        return ((Allocated.Dataset) element).temporary() ? "VIO " : "DASD";
    }

    /**
     * DCB attributes from the DD: null when it gives none (and {@code defaults} is false); for a new data set
     * RECFM=FB LRECL=80 fill what is missing, and BLKSIZE is chosen as z/OS's system-determined block size would:
     * the most records of a 27998-byte half track (FB), 27998 (VB), LRECL (F, V, U).
     */
    private static DatasetAttributes dcb(Map<String, String> dcb, boolean defaults) {
        if (!defaults && !dcb.containsKey("RECFM") && !dcb.containsKey("LRECL")) {
            return null;
        }
        try {
            RecordFormat recfm = RecordFormat.parse(dcb.getOrDefault("RECFM", "FB").replace("A", "").replace("S", ""));
            int lrecl = Integer.parseInt(dcb.getOrDefault("LRECL", recfm.variable() ? "84" : "80"));
            int blksize = dcb.containsKey("BLKSIZE") ? Integer.parseInt(dcb.get("BLKSIZE")) : 0;
            if (blksize == 0) {
                blksize = switch (recfm) {
                    case FB -> 27998 / lrecl * lrecl;
                    case VB -> 27998;
                    default -> lrecl;
                };
            }
            String dsorg = dcb.getOrDefault("DSORG", "PS").toUpperCase(Locale.ROOT);
            LocalDate epoch = LocalDate.of(1970, 1, 1);
            return new DatasetAttributes(dsorg, recfm, lrecl, blksize, epoch, epoch);
        } catch (NumberFormatException | ZosException e) {
            return defaults ? defaults(LocalDate.of(1970, 1, 1)) : null;
        }
    }

    private static DatasetAttributes defaults(LocalDate today) {
        return new DatasetAttributes("PS", RecordFormat.FB, 80, 27920, today, today);
    }
}
