package tw.ecpa.keycloak.it;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** A test class that must see the whole run: {@link RunsLastClassOrderer} puts it after every other. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@interface RunsLast {
}
