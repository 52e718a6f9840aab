package tw.ecpa.keycloak.authenticators.cardbinding;

import jakarta.ws.rs.core.Response;

import org.keycloak.authentication.AuthenticationFlowContext;
import org.keycloak.forms.login.LoginFormsProvider;
import org.keycloak.models.utils.FormMessage;

/**
 * The two pages of a first certificate login: the binding page ({@value #BINDING_TEMPLATE}: 自訂帳號 or
 * 身分證字號, 下一步) and the guide's 驗證失敗 page ({@value #FAILED_TEMPLATE}: 失敗原因, 上一步, 回首頁).
 */
final class BindingPages {

    static final String BINDING_TEMPLATE = "ecpa-binding.ftl";
    static final String FAILED_TEMPLATE = "ecpa-verification-failed.ftl";
    static final String ACCOUNT_FIELD = "account";
    /** Posted by 上一步 on the 驗證失敗 page: back to the binding page. */
    static final String BACK_FIELD = "ecpa.back";

    Response binding(AuthenticationFlowContext context, FormMessage error, String typed) {
        LoginFormsProvider form = context.form().setExecution(context.getExecution().getId());
        if (typed != null) {
            form.setAttribute("ecpaTypedAccount", typed);
        }
        if (error != null) {
            form.addError(error);
        }
        return form.createForm(BINDING_TEMPLATE);
    }

    Response verificationFailed(AuthenticationFlowContext context, String reasonKey) {
        return context.form()
                .setExecution(context.getExecution().getId())
                .setAttribute("ecpaFailureReason", reasonKey)
                .createForm(FAILED_TEMPLATE);
    }
}
