package org.opencs.jes.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.opencs.jes.jcl.CondParameter;
import org.opencs.jes.jcl.DdSpec;
import org.opencs.jes.jcl.DdStatement;
import org.opencs.jes.jcl.Disposition;
import org.opencs.jes.jcl.JobElement;
import org.opencs.jes.jcl.Step;
import org.opencs.saf.grs.EnqMode;
import org.opencs.saf.grs.EnqRequest;

/**
 * The SYSDSN ENQs a job asks for at initiation: one per permanent data set its steps name (members count as their
 * data set; temporary data sets and backward references none), EXCLUSIVE when any DD gives it DISP=OLD, NEW or MOD,
 * SHARED when every DD says SHR (z/OS MVS JCL Reference, "DISP parameter": SHR lets other jobs share the data set).
 */
class JobDatasetsProperties {
    @Provide
    Arbitrary<DdSpec.Dataset> datasets() {
        return Combinators.combine(Arbitraries.of("USER1.A", "USER1.B", "&&TEMP", "USER1.PDS"),
                Arbitraries.of("", "MEM1"), Arbitraries.of(Disposition.Status.class), Arbitraries.of(true, false, false))
                .as((name, member, status, backward) -> backward
                        ? new DdSpec.Dataset(null, null, "*.STEP1.DD1", new Disposition(status, null, null), Map.of())
                        : new DdSpec.Dataset(name, member.isEmpty() ? null : member, null,
                        new Disposition(status, null, null), Map.of()));
    }

    @Property
    void oneRequestPerPermanentDataSetExclusiveUnlessEveryDdSaysShr(
            @ForAll("datasetLists") List<List<DdSpec.Dataset>> steps) {
        List<JobElement> elements = new ArrayList<>();
        Map<String, EnqMode> expected = new HashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            List<DdStatement> dds = new ArrayList<>();
            for (DdSpec.Dataset ds : steps.get(i)) {
                dds.add(new DdStatement(1, "DD" + dds.size(), List.of(ds)));
                if (ds.dsname() != null && !ds.temporary()) {
                    EnqMode mode = ds.disp().status() == Disposition.Status.SHR ? EnqMode.SHARED : EnqMode.EXCLUSIVE;
                    expected.merge(ds.dsname(), mode, (a, b) -> a == EnqMode.EXCLUSIVE ? a : b);
                }
            }
            elements.add(new Step(i + 1, "STEP" + (i + 1), null, null, "IEFBR14", "", CondParameter.none(), Map.of(),
                    dds));
        }
        List<EnqRequest> requests = JobDatasets.requests(elements);
        assertThat(requests).allMatch(r -> r.qname().equals("SYSDSN"));
        Map<String, EnqMode> actual = new HashMap<>();
        requests.forEach(r -> assertThat(actual.put(r.rname(), r.mode())).as("one request per data set").isNull());
        assertThat(actual).isEqualTo(expected);
    }

    @Provide
    Arbitrary<List<List<DdSpec.Dataset>>> datasetLists() {
        return datasets().list().ofMaxSize(4).list().ofMaxSize(4);
    }
}
