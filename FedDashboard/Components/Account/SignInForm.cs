using System.ComponentModel.DataAnnotations;

namespace FedDashboard.Components.Account;

public sealed class SignInForm
{
    [Required(ErrorMessage = "Enter your user name.")]
    public string UserName { get; set; } = "";

    [Required(ErrorMessage = "Enter your password.")]
    public string Password { get; set; } = "";
}
