package io.limber.session.contract;

import io.limber.session.adherence.Adherence;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** {@code limber.adherence.updated}: a person's adherence snapshot on the compacted topic {@code adherence}. */
public record AdherenceUpdated(String specversion, String id, String source, String type, Instant time,
                               String datacontenttype, String dataschema, Data data) {

    public static final String SOURCE = "/session-service";
    public static final String DATASCHEMA = "urn:limber:schema:adherence-updated:1";

    /** The snapshot; field names are the contract reminder-service reads. */
    public record Data(String userId, LocalDate asOf, String timeZone, Integer planVersion, Instant lastSessionEventAt,
                       Double sessionAdherence7, Double sessionAdherence14, Double sessionAdherence28, Boolean adherent,
                       List<Adherence.RoutineAdherence> routines, Adherence.Pain pain) {

        public static Data of(String userId, Adherence a) {
            return new Data(userId, a.asOf(), a.timeZone(), a.planVersion(), a.lastSessionEventAt(),
                    a.sessionAdherence7(), a.sessionAdherence14(), a.sessionAdherence28(), a.adherent(),
                    a.routines(), a.pain());
        }
    }

    /** The event for the {@code sequence}-th snapshot of this person; its id is stable under redelivery. */
    public static AdherenceUpdated of(Data data, long sequence, Instant time) {
        return new AdherenceUpdated("1.0", "adherence-" + data.userId() + "-" + sequence, SOURCE,
                EventSchemas.ADHERENCE_UPDATED, time, "application/json", DATASCHEMA, data);
    }
}
