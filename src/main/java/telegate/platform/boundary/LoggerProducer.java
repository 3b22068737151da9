package telegate.platform.boundary;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.InjectionPoint;
import java.util.logging.Logger;
import telegate.platform.control.Logs;

@Dependent
public class LoggerProducer {

    @Produces
    Logger logger(InjectionPoint point) {
        return Logs.of(point.getMember().getDeclaringClass());
    }
}
