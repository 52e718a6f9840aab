package tw.ecpa.keycloak.dev.cardworld;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Starts one {@link CardWorld} per test run on free ports with a temporary PKI, shared by every test
 * class that uses the extension (it lives in the root context's store, which closes it at the end),
 * resets it before each test, and injects it as a parameter:
 *
 * <pre>{@code
 * @ExtendWith(CardWorldExtension.class)
 * class SomethingTest {
 *     @Test
 *     void signs(CardWorld world) { ... }
 * }
 * }</pre>
 */
public final class CardWorldExtension implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CardWorldExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        world(context);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        world(context).reset();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == CardWorld.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return world(context);
    }

    /** The run's card world, started on first use. */
    public static CardWorld world(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).computeIfAbsent(CardWorld.class, key -> {
            try {
                return CardWorld.start(CardWorldConfig.ephemeral());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the card world", e);
            }
        }, CardWorld.class);
    }
}
