package io.github.ocidiff.audit;

import com.oracle.bmc.audit.model.AuditEvent;
import com.oracle.bmc.audit.requests.ListEventsRequest;
import com.oracle.bmc.audit.responses.ListEventsResponse;
import com.oracle.bmc.model.BmcException;
import io.github.ocidiff.OcidiffException;
import io.github.ocidiff.oci.OciClients;
import io.github.ocidiff.oci.Pager;
import io.github.ocidiff.oci.Service;
import java.util.Date;
import java.util.function.Consumer;

/** Audit ListEvents through the SDK, filtered to writes as each page arrives. */
public final class OciAuditFeed implements AuditFeed {
    private final OciClients clients;

    public OciAuditFeed(OciClients clients) {
        this.clients = clients;
    }

    @Override
    public long writes(String region, String compartmentId, AuditWindow window, Consumer<WriteEvent> sink) {
        var audit = clients.region(region).audit();
        long[] read = {0};
        try {
            Pager.forEachPage(page -> clients.call(region, Service.AUDIT, () -> audit.listEvents(ListEventsRequest.builder()
                            .compartmentId(compartmentId)
                            .startTime(Date.from(window.start()))
                            .endTime(Date.from(window.end()))
                            .page(page).build())),
                    ListEventsResponse::getOpcNextPage,
                    response -> {
                        for (AuditEvent event : response.getItems()) {
                            read[0]++;
                            AuditEventJson.fromSdk(event, region).ifPresent(sink);
                        }
                    });
        } catch (BmcException e) {
            throw OcidiffException.runtime(clients.describe("Audit", region, e), e);
        }
        return read[0];
    }
}
