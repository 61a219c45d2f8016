package io.limber.session.person;

import java.util.List;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Writes the user-id syntax ({@link UserIds}) into the OpenAPI document for every {@code userId} path parameter, so
 * a client generated from the document refuses what this service would answer with 400. Registered by
 * {@code mp.openapi.filter}; {@code deploy/contract/check-documents} checks the written schema against the shared
 * cases in {@code deploy/contract/rules/user-ids.json}.
 */
public class UserIdParameters implements OASFilter {

    @Override
    public Parameter filterParameter(Parameter parameter) {
        if ("userId".equals(parameter.getName()) && parameter.getIn() == Parameter.In.PATH) {
            parameter.setSchema(OASFactory.createSchema().type(List.of(Schema.SchemaType.STRING)).minLength(1)
                    .maxLength(128).pattern("^" + UserIds.SYNTAX + "$"));
        }
        return parameter;
    }
}
