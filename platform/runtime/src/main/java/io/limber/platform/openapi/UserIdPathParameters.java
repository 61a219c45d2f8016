package io.limber.platform.openapi;

import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Writes a service's user-id syntax into its OpenAPI document for every {@code userId} path parameter, so a client
 * generated from the document refuses what the service would answer with 400. The syntax is the service's own
 * (its {@code UserIds.SYNTAX}, pinned across services by {@code deploy/contract/rules/user-ids.json}); each service
 * registers a subclass that passes it in, by {@code mp.openapi.filter}.
 */
public abstract class UserIdPathParameters implements OASFilter {

    private final String syntax;
    private final int maxLength;

    /** {@code syntax}: the regular expression of one whole user id, without anchors. */
    protected UserIdPathParameters(String syntax, int maxLength) {
        this.syntax = syntax;
        this.maxLength = maxLength;
    }

    @Override
    public Parameter filterParameter(Parameter parameter) {
        if ("userId".equals(parameter.getName()) && parameter.getIn() == Parameter.In.PATH) {
            parameter.setSchema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).minLength(1)
                    .maxLength(maxLength).pattern("^" + syntax + "$"));
        }
        return parameter;
    }
}
