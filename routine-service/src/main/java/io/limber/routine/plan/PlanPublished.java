package io.limber.routine.plan;

/** The {@code limber.plan.published} CloudEvent (structured mode) that goes on the compacted topic {@code plans}. */
public record PlanPublished(String specversion, String id, String source, String type, String time,
                            String datacontenttype, String dataschema, PlanData data) {

    public static final String TYPE = "limber.plan.published";
    public static final String SOURCE = "/routine-service";
    public static final String DATASCHEMA = "urn:limber:schema:plan-published:1";

    public static PlanPublished of(String id, PlanData data) {
        return new PlanPublished("1.0", id, SOURCE, TYPE, data.publishedAt(), "application/json", DATASCHEMA, data);
    }
}
