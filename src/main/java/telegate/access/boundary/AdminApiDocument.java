package telegate.access.boundary;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * The last pass over the admin API's OpenAPI document (mp.openapi.filter). Payara copies
 * the {@code @Schema} annotation's defaults into every schema it builds, among them
 * {@code maxProperties: 0}, which would tell a validator that no object may have a field.
 * Defaults that say nothing are dropped. It also types schemas by their Java class over the
 * annotation's {@code type}: a {@code long} becomes a number and an {@code Instant} an object,
 * which the annotations' formats (int64, date-time) set right. The rest is the annotations'.
 */
public class AdminApiDocument implements OASFilter {

    /**
     * Every operation is behind {@link AdminTokenFilter}, so every one may answer its refusals.
     * Said here once rather than on each method: Payara drops class-level {@code @APIResponse}s
     * from some operations.
     */
    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses != null) {
            refusal(responses, "401", AdminApi.UNAUTHORIZED);
            refusal(responses, "403", AdminApi.DISABLED);
            refusal(responses, "429", AdminApi.THROTTLED);
        }
        return operation;
    }

    private static void refusal(APIResponses responses, String status, String component) {
        if (!responses.hasAPIResponse(status)) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().ref(component));
        }
    }

    @Override
    public Schema filterSchema(Schema schema) {
        if ("int64".equals(schema.getFormat()) || "int32".equals(schema.getFormat())) {
            schema.setType(Schema.SchemaType.INTEGER);
        } else if ("date-time".equals(schema.getFormat())) {
            schema.setType(Schema.SchemaType.STRING);
        }
        if (isZero(schema.getMaxProperties())) {
            schema.setMaxProperties(null);
        }
        if (isZero(schema.getMinProperties())) {
            schema.setMinProperties(null);
        }
        if (isZero(schema.getMinLength())) {
            schema.setMinLength(null);
        }
        if (Boolean.FALSE.equals(schema.getExclusiveMaximum())) {
            schema.setExclusiveMaximum(null);
        }
        if (Boolean.FALSE.equals(schema.getExclusiveMinimum())) {
            schema.setExclusiveMinimum(null);
        }
        if (Boolean.FALSE.equals(schema.getUniqueItems())) {
            schema.setUniqueItems(null);
        }
        if (Boolean.FALSE.equals(schema.getNullable())) {
            schema.setNullable(null);
        }
        if (Boolean.FALSE.equals(schema.getReadOnly())) {
            schema.setReadOnly(null);
        }
        if (Boolean.FALSE.equals(schema.getWriteOnly())) {
            schema.setWriteOnly(null);
        }
        if (Boolean.FALSE.equals(schema.getDeprecated())) {
            schema.setDeprecated(null);
        }
        return schema;
    }

    private static boolean isZero(Integer value) {
        return value != null && value == 0;
    }
}
