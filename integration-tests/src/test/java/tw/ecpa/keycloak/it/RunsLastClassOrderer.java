package tw.ecpa.keycloak.it;

import java.util.Comparator;

import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.keycloak.testframework.ServerConfigClassOrderer;

/**
 * The test framework's order (classes grouped by server configuration, so that each server starts once),
 * then every {@link RunsLast} class moved to the end, the others keeping their places. Named in the
 * failsafe configuration ({@code junit.jupiter.testclass.order.default}), which overrides the framework's
 * junit-platform.properties.
 */
public final class RunsLastClassOrderer implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        new ServerConfigClassOrderer().orderClasses(context);
        context.getClassDescriptors().sort(Comparator.comparing(c -> c.isAnnotated(RunsLast.class)));
    }
}
